namespace IntacctSync.Rules.Rules;

/// <summary>
/// One or more rule files are invalid. Every problem found is listed, each with its file, line, rule
/// and what to fix; no rule set is built from invalid files.
/// </summary>
public sealed class RuleLoadException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem, at least one.</param>
    public RuleLoadException(IReadOnlyList<RuleProblem> problems)
        : base(Compose(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    private static string Compose(IReadOnlyList<RuleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A rule load failure needs at least one problem.", nameof(problems));
        }

        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"The rules cannot be loaded ({problems.Count} {noun}):" + Environment.NewLine
            + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }
}
