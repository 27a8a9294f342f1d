using System.Globalization;
using System.Text;

namespace IntacctSync.Rules.Cli.Tests.Batch;

/// <summary>Evidence lines for batch tests: each INT402 line names its own dimension, so a report shows which line it came from.</summary>
internal static class BatchLines
{
    public const string Healthy = """{"schemaVersion":1,"operation":"sync","outcome":"succeeded"}""";

    public static string InactiveDimension(long n)
    {
        var id = DimensionId(n);
        return "{\"schemaVersion\":1,\"operation\":\"sync\",\"outcome\":\"failed\",\"intacct\":{\"dimensions\":[{\"id\":\"" + id +
            "\",\"label\":\"Dim\",\"userDefined\":true,\"exists\":true,\"active\":false,\"configured\":true}]},\"workspace\":{\"coding\":{\"dimensions\":[{\"id\":\"" + id +
            "\",\"enabled\":true,\"importAs\":\"tag\"}]}}}";
    }

    public static string DimensionId(long n) => "DIM" + n.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Line <paramref name="n"/> of a mixed file: every third line healthy, the others an INT402 naming line n.</summary>
    public static string Mixed(long n) => n % 3 == 0 ? Healthy : InactiveDimension(n);

    public static byte[] Utf8(IEnumerable<string> lines, string newline = "\n") => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + newline)));
}

/// <summary>An endless-looking input made on the fly: the test's own input never sits in memory, so only the pipeline's memory is measured.</summary>
internal sealed class GeneratedLinesStream(long lines, Func<long, string> line) : Stream
{
    private byte[] _current = [];
    private int _offset;
    private long _next = 1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _current.Length)
        {
            if (_next > lines)
            {
                return 0;
            }

            _current = Encoding.UTF8.GetBytes(line(_next++) + "\n");
            _offset = 0;
        }

        var n = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
