namespace IntacctSync.Rules.Rules;

/// <summary>One thing wrong with a rule file, and where.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RuleProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="file">The rule file, such as <c>rules/sync/INT402.json</c>.</param>
    /// <param name="line">The 1-based line, where known.</param>
    /// <param name="rule">The rule's code, where known.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public RuleProblem(string file, long? line, string? rule, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentException.ThrowIfNullOrEmpty(message);
        File = file;
        Line = line;
        Rule = rule;
        Message = message;
    }

    /// <summary>The rule file.</summary>
    public string File { get; }

    /// <summary>The 1-based line, where known.</summary>
    public long? Line { get; }

    /// <summary>The rule's code, where known.</summary>
    public string? Rule { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>The problem as <c>file:line: rule: message</c>.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString() =>
        $"{File}{(Line is { } l ? ":" + l.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}: {Rule ?? "(no code)"}: {Message}";
}
