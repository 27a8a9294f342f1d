namespace IntacctSync.Rules;

/// <summary>Reads a stream to its end into memory, refusing it as soon as it passes a size: shared by the evidence and response readers.</summary>
internal static class StreamBuffer
{
    private const int Chunk = 81920;

    /// <summary>The stream's remaining bytes; <paramref name="tooLarge"/> makes the exception for a stream past <paramref name="maxBytes"/> (given the size seen).</summary>
    public static MemoryStream ReadAll(Stream stream, long maxBytes, Func<long, Exception> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RefuseKnownLength(stream, maxBytes, tooLarge);
        var buffer = new MemoryStream();
        var chunk = new byte[Chunk];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            Append(buffer, chunk, read, maxBytes, tooLarge);
        }

        return buffer;
    }

    /// <summary>As <see cref="ReadAll"/>, reading asynchronously (ASP.NET Core's request bodies refuse synchronous reads).</summary>
    public static async Task<MemoryStream> ReadAllAsync(Stream stream, long maxBytes, Func<long, Exception> tooLarge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RefuseKnownLength(stream, maxBytes, tooLarge);
        var buffer = new MemoryStream();
        var chunk = new byte[Chunk];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer, chunk, read, maxBytes, tooLarge);
        }

        return buffer;
    }

    private static void RefuseKnownLength(Stream stream, long maxBytes, Func<long, Exception> tooLarge)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            throw tooLarge(stream.Length - stream.Position);
        }
    }

    private static void Append(MemoryStream buffer, byte[] chunk, int read, long maxBytes, Func<long, Exception> tooLarge)
    {
        if (buffer.Length + read > maxBytes)
        {
            throw tooLarge(buffer.Length + read);
        }

        buffer.Write(chunk, 0, read);
    }
}
