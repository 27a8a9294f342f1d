using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;

namespace IntacctSync.Rules.Tests.Evidence;

/// <summary>
/// Evidence and responses read from streams that refuse synchronous reads, as ASP.NET Core's request bodies do
/// (Kestrel's "Synchronous operations are disallowed"): ReadAsync reads them, with the same size limits, and stops
/// when cancelled.
/// </summary>
public sealed class AsyncReadTests
{
    private const string Evidence = """{ "schemaVersion": 1, "messages": ["INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund."] }""";

    private const string Response = """
        <?xml version="1.0" encoding="UTF-8"?>
        <response><control><status>success</status></control><operation><authentication><status>success</status></authentication>
        <result><status>failure</status><function>readByQuery</function><errormessage><error><errorno>BL01001973</errorno>
        <description></description><description2>Object definition FUND not found</description2><correction></correction></error></errormessage></result></operation></response>
        """;

    [Fact]
    public async Task SyncEvidenceJson_ReadAsync_ReadsAStreamThatRefusesSynchronousReads()
    {
        await using var body = new ForwardOnlyStream(Encoding.UTF8.GetBytes(Evidence), refuseSynchronousReads: true);

        var evidence = await SyncEvidenceJson.ReadAsync(body, "request body", cancellationToken: CancellationToken.None);

        Assert.Single(evidence.Messages!);
        Assert.Throws<InvalidOperationException>(() => SyncEvidenceJson.Read(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Evidence), refuseSynchronousReads: true)));
    }

    [Fact]
    public async Task SyncEvidenceJson_ReadAsync_PastTheLimit_IsRefusedNamingTheLimit()
    {
        await using var body = new ForwardOnlyStream(Encoding.UTF8.GetBytes(Evidence), refuseSynchronousReads: true);

        var ex = await Assert.ThrowsAsync<EvidenceFormatException>(() => SyncEvidenceJson.ReadAsync(body, "request body", maxBytes: 16, cancellationToken: CancellationToken.None));

        Assert.Contains("larger than 16 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEvidenceBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntacctResponseReader_ReadAsync_ReadsAStreamThatRefusesSynchronousReads()
    {
        await using var body = new ForwardOnlyStream(Encoding.UTF8.GetBytes(Response), refuseSynchronousReads: true);

        var errors = await IntacctResponseReader.ReadAsync(body, 200, "gateway", CancellationToken.None);

        var error = Assert.Single(errors);
        Assert.Equal("BL01001973", error.ErrorNo);
        Assert.Equal(200, error.HttpStatus);
        Assert.Equal("Object definition FUND not found", error.Description2);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWithCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncEvidenceJson.ReadAsync(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Evidence), refuseSynchronousReads: true), cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IntacctResponseReader.ReadAsync(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Response), refuseSynchronousReads: true), cancellationToken: cancelled.Token));
    }
}
