using System.Buffers;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>
/// Splits a UTF-8 stream into lines without ever holding more than one line (at most the size limit) in memory.
/// A line longer than the limit is not kept: its bytes are skipped up to the next line end and it is returned as oversized.
/// </summary>
/// <remarks>Not thread-safe: one reader, one thread at a time.</remarks>
internal sealed class JsonLineReader
{
    private const int InitialBuffer = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxBytes;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private bool _eof;
    private long _number;

    public JsonLineReader(Stream stream, int maxBytes)
    {
        _stream = stream;
        _maxBytes = maxBytes;
    }

    /// <summary>The bytes consumed so far, line ends included.</summary>
    public long Position { get; private set; }

    /// <summary>Reads the next line; <c>null</c> at the end of the stream.</summary>
    public async ValueTask<JsonLine?> ReadAsync(CancellationToken cancellationToken)
    {
        var searchFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', searchFrom, _end - searchFrom);
            if (newline >= 0)
            {
                return Take(newline - _start, consumed: newline + 1 - _start);
            }

            if (_eof)
            {
                return _end > _start ? Take(_end - _start, consumed: _end - _start) : null;
            }

            // Keep one byte beyond the limit for a '\r' before the '\n'.
            if (_end - _start > _maxBytes + 1)
            {
                return await SkipOversizedAsync(cancellationToken).ConfigureAwait(false);
            }

            searchFrom = _end;
            var shift = _start;
            await FillAsync(cancellationToken).ConfigureAwait(false);
            searchFrom -= shift;
        }
    }

    private JsonLine Take(int length, int consumed)
    {
        _number++;
        var text = _buffer.AsSpan(_start, length);
        if (text.EndsWith("\r"u8))
        {
            text = text[..^1];
        }

        if (text.Length > _maxBytes)
        {
            _start += consumed;
            Position += consumed;
            return new JsonLine(_number, null, 0, text.Length);
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(text.Length, 1));
        text.CopyTo(rented);
        _start += consumed;
        Position += consumed;
        return new JsonLine(_number, rented, text.Length, OversizedLength: 0);
    }

    private async ValueTask<JsonLine> SkipOversizedAsync(CancellationToken cancellationToken)
    {
        _number++;
        long skipped = 0;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                skipped += newline - _start;
                Position += newline + 1 - _start;
                _start = newline + 1;
                return new JsonLine(_number, null, 0, skipped);
            }

            skipped += _end - _start;
            Position += _end - _start;
            _start = _end;
            if (_eof)
            {
                return new JsonLine(_number, null, 0, skipped);
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer up to the limit) and reads more.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = new byte[(int)Math.Min((long)_buffer.Length * 2, _maxBytes + 2L + InitialBuffer)];
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            _buffer = larger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}

/// <summary>One input line: its 1-based number and its bytes (rented; the consumer returns them), or only its size when it was too long to keep.</summary>
internal readonly record struct JsonLine(long Number, byte[]? Rented, int Length, long OversizedLength)
{
    public ReadOnlySpan<byte> Bytes => Rented is null ? default : Rented.AsSpan(0, Length);
}
