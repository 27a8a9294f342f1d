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
        await using var body = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Evidence));

        var evidence = await SyncEvidenceJson.ReadAsync(body, "request body", cancellationToken: CancellationToken.None);

        Assert.Single(evidence.Messages!);
        Assert.Throws<InvalidOperationException>(() => SyncEvidenceJson.Read(new AsyncOnlyStream(Encoding.UTF8.GetBytes(Evidence))));
    }

    [Fact]
    public async Task SyncEvidenceJson_ReadAsync_PastTheLimit_IsRefusedNamingTheLimit()
    {
        await using var body = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Evidence));

        var ex = await Assert.ThrowsAsync<EvidenceFormatException>(() => SyncEvidenceJson.ReadAsync(body, "request body", maxBytes: 16, cancellationToken: CancellationToken.None));

        Assert.Contains("larger than 16 bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MaxEvidenceBytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntacctResponseReader_ReadAsync_ReadsAStreamThatRefusesSynchronousReads()
    {
        await using var body = new AsyncOnlyStream(Encoding.UTF8.GetBytes(Response));

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

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncEvidenceJson.ReadAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes(Evidence)), cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => IntacctResponseReader.ReadAsync(new AsyncOnlyStream(Encoding.UTF8.GetBytes(Response)), cancellationToken: cancelled.Token));
    }

    /// <summary>A non-seekable body that refuses synchronous reads, as Kestrel's does by default.</summary>
    private sealed class AsyncOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) =>
            throw new InvalidOperationException("Synchronous operations are disallowed. Call ReadAsync or set AllowSynchronousIO to true instead.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(_inner.Read(buffer.Span));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
