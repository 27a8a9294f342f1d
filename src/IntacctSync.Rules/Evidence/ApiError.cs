namespace IntacctSync.Rules.Evidence;

/// <summary>An error from a Sage Intacct API response.</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class ApiError
{
    /// <summary>Which API answered.</summary>
    public IntacctApi? Api { get; init; }

    /// <summary>The XML response level that failed (REST: result).</summary>
    public ApiErrorLevel? Level { get; init; }

    /// <summary>The result status: failure, or aborted beside another failure.</summary>
    public ApiResultStatus? Status { get; init; }

    /// <summary>The function called: <c>readByQuery</c>, <c>create</c>, <c>POST objects/...</c>.</summary>
    public string? Function { get; init; }

    /// <summary>The object the call was about: <c>GLACCOUNT</c>, a user-defined dimension's object name.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The evidence contract names this field \"object\".")]
    public string? Object { get; init; }

    /// <summary>The error number: <c>XL03000006</c>, <c>PL04000005</c>, a REST <c>errorCode</c>.</summary>
    public string? ErrorNo { get; init; }

    /// <summary>The first description, as returned (HTML stripped).</summary>
    public string? Description { get; init; }

    /// <summary>The second description, as returned (HTML stripped).</summary>
    public string? Description2 { get; init; }

    /// <summary>The suggested correction, as returned.</summary>
    public string? Correction { get; init; }

    /// <summary>The <c>[Support ID: ...]</c> token, kept apart from the texts.</summary>
    public string? SupportId { get; init; }

    /// <summary>The HTTP status of the response.</summary>
    public int? HttpStatus { get; init; }
}
