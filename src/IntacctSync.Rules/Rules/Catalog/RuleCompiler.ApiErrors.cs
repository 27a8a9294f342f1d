using IntacctSync.Rules.Rules.Definition;

namespace IntacctSync.Rules.Rules;

internal sealed partial class RuleCompiler
{
    /// <summary>Compiles <c>message.apiErrors</c>: every entry needs a text; placeholders must be contract subject names.</summary>
    private static List<ApiErrorPattern> ApiErrorPatterns(FileContext context, MessageDocument? message)
    {
        var patterns = new List<ApiErrorPattern>();
        foreach (var (entry, i) in (message?.ApiErrors ?? []).Select((e, i) => (e, i)))
        {
            var path = $"$.message.apiErrors[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Text))
            {
                context.Report(path + ".text", "missing; give the error text as Sage Intacct returns it, with {name} placeholders (an error number alone is never a key)");
                continue;
            }

            var unknown = ApiErrorPattern.Tokens(entry.Text).Where(n => !ContractSubjectNames.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                context.Report(path + ".text", $"{string.Join(", ", unknown.Select(n => "{" + n + "}"))} is not a subject name; use one of: {string.Join(", ", ContractSubjectNames)}");
                continue;
            }

            try
            {
                patterns.Add(ApiErrorPattern.Create(entry.Text, entry.ErrorNo));
            }
            catch (ArgumentException ex)
            {
                context.Report(path + ".text", "the template cannot be turned into a pattern: " + ex.Message);
            }
        }

        return patterns;
    }
}
