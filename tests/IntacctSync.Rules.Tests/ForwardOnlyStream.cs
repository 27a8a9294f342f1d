namespace IntacctSync.Rules.Tests;

/// <summary>
/// A stream whose length is unknown, as a network response's is; with <c>refuseSynchronousReads</c>, one that also
/// refuses synchronous reads, as ASP.NET Core's request bodies do (Kestrel's "Synchronous operations are disallowed").
/// </summary>
internal sealed class ForwardOnlyStream(Stream inner, bool refuseSynchronousReads = false) : Stream
{
    public ForwardOnlyStream(byte[] bytes, bool refuseSynchronousReads = false)
        : this(new MemoryStream(bytes), refuseSynchronousReads)
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => refuseSynchronousReads
        ? throw new InvalidOperationException("Synchronous operations are disallowed. Call ReadAsync or set AllowSynchronousIO to true instead.")
        : inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(inner.Read(buffer.Span));
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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
