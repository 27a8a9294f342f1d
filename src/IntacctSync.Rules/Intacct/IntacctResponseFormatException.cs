namespace IntacctSync.Rules.Intacct;

/// <summary>
/// A raw Sage Intacct API response could not be read: it is malformed XML or JSON, it is not an Intacct
/// response, it is too large, or it is hostile (a DTD, entity expansion, an external entity). The message
/// says where (source, line and column) and what to fix.
/// </summary>
/// <remarks>
/// An HTML page, an empty body or a timeout text is not this exception: those are read as "Sage
/// Intacct unavailable" (see <see cref="IntacctResponseReader.UnavailableErrorNo"/>).
/// </remarks>
public sealed class IntacctResponseFormatException : Exception
{
    /// <summary>Creates the exception from its parts.</summary>
    /// <param name="reason">What is wrong and what to fix.</param>
    /// <param name="source">The file name, or <c>null</c> for text given directly.</param>
    /// <param name="line">The 1-based line, where known.</param>
    /// <param name="column">The 1-based column, where known.</param>
    /// <param name="innerException">The parser's exception, where there is one.</param>
    public IntacctResponseFormatException(string reason, string? source = null, long? line = null, long? column = null, Exception? innerException = null)
        : base(Compose(reason, source, line, column), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Reason = reason;
        Source = source;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong and what to fix.</summary>
    public string Reason { get; }

    /// <summary>The file name, or <c>null</c> for text given directly.</summary>
    public new string? Source { get; }

    /// <summary>The 1-based line of the problem, where known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column of the problem, where known.</summary>
    public long? Column { get; }

    private static string Compose(string reason, string? source, long? line, long? column)
    {
        var where = line is { } l ? $" (line {l}, col {column ?? 1})" : string.Empty;
        var prefix = source is null ? string.Empty : source + ": ";
        return prefix + reason + where;
    }
}
