using System.Diagnostics;
using System.Globalization;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// The time one document's messages and API errors may take to recognize, all together. Each pattern runs in
/// time linear in the text (5 ms of backtracking at most, then a non-backtracking regex), so the budget is a
/// ceiling, not the usual cost: a document near the size limit that is all messages stays well under it. Whatever is not tried once the
/// budget is spent, or whose match runs past the per-match timeout, is left unrecognized (so listed as
/// unexplained) and the report says recognition was cut short (<see cref="Describe"/>).
/// </summary>
internal sealed class RecognitionBudget
{
    /// <summary>The budget per document (a classifier built for a test may be given another).</summary>
    internal static readonly TimeSpan Default = TimeSpan.FromSeconds(2);

    private readonly long _deadline;
    private readonly TimeSpan _budget;

    public RecognitionBudget(TimeSpan budget)
    {
        _budget = budget;
        _deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Whether the time is up.</summary>
    public bool Spent => Stopwatch.GetTimestamp() > _deadline;

    /// <summary>Messages not tried because the time was up.</summary>
    public int MessagesSkipped { get; set; }

    /// <summary>API errors not tried because the time was up.</summary>
    public int ApiErrorsSkipped { get; set; }

    /// <summary>Matches stopped by the per-match timeout.</summary>
    public int TimedOut { get; set; }

    /// <summary>The sentence for the report's <c>incomplete</c> list, or <c>null</c> when recognition ran to the end.</summary>
    public string? Describe()
    {
        if (MessagesSkipped + ApiErrorsSkipped + TimedOut == 0)
        {
            return null;
        }

        var parts = new List<string>(3);
        if (MessagesSkipped > 0)
        {
            parts.Add(Count(MessagesSkipped, "message") + " not tried");
        }

        if (ApiErrorsSkipped > 0)
        {
            parts.Add(Count(ApiErrorsSkipped, "API error") + " not tried");
        }

        if (TimedOut > 0)
        {
            parts.Add(Count(TimedOut, "match", "matches") + " stopped by the per-match timeout");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Message recognition was cut short after its budget of {_budget.TotalSeconds:0.###} s per document: {string.Join(", ", parts)}. What was not recognized is listed under unexplained; split the messages over several documents, or shorten them to the error text.");
    }

    private static string Count(int n, string one, string? many = null) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
}
