namespace IntacctSync.Rules.Evidence;

/// <summary>
/// Evidence could not be read: the input is not JSON, breaks the evidence format, or is too large.
/// The message says where (source, JSON path, line and column) and what was expected.
/// </summary>
public sealed class EvidenceFormatException : Exception
{
    /// <summary>Creates the exception from its parts.</summary>
    /// <param name="reason">What is wrong and what was expected.</param>
    /// <param name="source">The file name, or <c>null</c> for text given directly.</param>
    /// <param name="jsonPath">The JSON path of the offending value, such as <c>$.intacct.dimensions[0].active</c>.</param>
    /// <param name="line">The 1-based line, where known.</param>
    /// <param name="column">The 1-based column, where known.</param>
    /// <param name="innerException">The parser's exception, where there is one.</param>
    public EvidenceFormatException(string reason, string? source = null, string? jsonPath = null, long? line = null, long? column = null, Exception? innerException = null)
        : base(Compose(reason, source, jsonPath, line, column), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Reason = reason;
        Source = source;
        JsonPath = jsonPath;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong and what was expected.</summary>
    public string Reason { get; }

    /// <summary>The file name, or <c>null</c> for text given directly.</summary>
    public new string? Source { get; }

    /// <summary>The JSON path of the offending value, where known.</summary>
    public string? JsonPath { get; }

    /// <summary>The 1-based line of the offending value, where known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (byte in the line) of the offending value, where known.</summary>
    public long? Column { get; }

    private static string Compose(string reason, string? source, string? jsonPath, long? line, long? column)
    {
        var where = line is { } l ? $" (line {l}, col {column ?? 1})" : string.Empty;
        var prefix = source is null ? string.Empty : source + ": ";
        var path = string.IsNullOrEmpty(jsonPath) ? string.Empty : jsonPath + ": ";
        return prefix + path + reason + where;
    }
}
