using System.Reflection;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// A compiled, validated set of rules: the built-in catalog embedded in this assembly, plus any rule
/// directories a host adds. Immutable once built; a classifier holds one for its whole life.
/// </summary>
internal sealed class RuleSet
{
    private const string ResourcePrefix = "rules/";

    private RuleSet(IReadOnlyList<CompiledRule> rules)
    {
        Rules = rules;
        Kinds = rules.Where(r => !r.Fallback).Select(r => r.Subject).Distinct().ToArray();
        Fallbacks = rules.Where(r => r.Fallback).ToArray();
        Recognizer = new MessageRecognizer(rules);
        ApiRecognizer = new ApiErrorRecognizer(rules);
    }

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The subject kinds that the non-fallback rules use, each built once per document.</summary>
    public IReadOnlyList<SubjectKind> Kinds { get; }

    public IReadOnlyList<CompiledRule> Fallbacks { get; }

    public MessageRecognizer Recognizer { get; }

    public ApiErrorRecognizer ApiRecognizer { get; }

    /// <summary>Loads the embedded catalog (unless left out) and the files of <paramref name="directories"/>.</summary>
    /// <exception cref="RuleLoadException">Any file is invalid; every problem is listed.</exception>
    public static RuleSet Load(bool includeBuiltIn, IEnumerable<string> directories)
    {
        var files = new List<(string Source, byte[] Utf8, bool BuiltIn)>();
        if (includeBuiltIn)
        {
            files.AddRange(BuiltInFiles().Select(f => (f.Source, f.Utf8, true)));
        }

        var problems = new List<RuleProblem>();
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                problems.Add(new RuleProblem(directory, null, null, "the rule directory does not exist; create it or remove it from IntacctSyncRulesOptions.RuleDirectories"));
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                files.Add((path, File.ReadAllBytes(path), false));
            }
        }

        return Compile(files, problems);
    }

    /// <summary>The built-in rule files as embedded, named as in the repository (<c>rules/sync/INT402.json</c>).</summary>
    public static IEnumerable<(string Source, byte[] Utf8)> BuiltInFiles()
    {
        var assembly = typeof(RuleSet).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (name, buffer.ToArray());
        }
    }

    private static RuleSet Compile(List<(string Source, byte[] Utf8, bool BuiltIn)> files, List<RuleProblem> problems)
    {
        var compiler = new RuleCompiler();
        var byCode = new Dictionary<string, (CompiledRule Rule, bool BuiltIn)>(StringComparer.Ordinal);
        foreach (var (source, utf8, builtIn) in files)
        {
            var rule = compiler.Compile(source, utf8, problems);
            if (rule is null)
            {
                continue;
            }

            if (byCode.TryGetValue(rule.Code, out var existing))
            {
                if (!rule.Override)
                {
                    problems.Add(new RuleProblem(source, 1, rule.Code,
                        $"code {rule.Code} is already defined by {existing.Rule.Source}; to replace it on purpose, add \"override\": true to this file, otherwise remove one of them"));
                    continue;
                }
            }
            else if (rule.Override)
            {
                problems.Add(new RuleProblem(source, 1, rule.Code,
                    $"\"override\": true, but no earlier rule defines {rule.Code}; remove the marker or fix the code"));
                continue;
            }

            byCode[rule.Code] = (rule, builtIn);
        }

        if (problems.Count > 0)
        {
            throw new RuleLoadException(problems);
        }

        return new RuleSet(byCode.Values.Select(v => v.Rule).OrderBy(r => r.Priority).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray());
    }
}
