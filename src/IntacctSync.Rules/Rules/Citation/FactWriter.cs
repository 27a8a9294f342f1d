using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Writes cited facts as text, <c>path = value</c>, with the value written as compact JSON straight into
/// the one string (<see cref="EvidenceModel.Write"/>: what System.Text.Json writes with the evidence options,
/// the relaxed encoder, not indented), without a JSON string and a builder's copy on the way.
/// </summary>
/// <remarks>
/// Used by one report at a time (not thread-safe). A report rents one and returns it when done, so that
/// its buffers serve the next report; a single spare is kept for the process. One spare, taken with an
/// interlocked exchange, rather than one per thread: thread-static fields took the runtime's slow path
/// here and cost more than the exchange.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "The JSON writer only writes to a managed buffer and holds nothing to release; it is reused for the process's lifetime.")]
internal sealed class FactWriter
{
    // Past this size a buffer is not kept, so that one huge value does not stay in memory for good.
    private const int KeepBelow = 16 * 1024;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private static FactWriter? _spare;

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _json;

    private FactWriter()
    {
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>A builder for a fact's path text; cleared by whoever takes it.</summary>
    public StringBuilder Path { get; } = new(64);

    /// <summary>The spare writer, or a new one when another report holds it.</summary>
    public static FactWriter Rent() => Interlocked.Exchange(ref _spare, null) ?? new FactWriter();

    /// <summary>Keeps the writer for the next report, unless it grew too large.</summary>
    public static void Return(FactWriter writer)
    {
        if (writer._buffer.Capacity < KeepBelow && writer.Path.Capacity < KeepBelow)
        {
            Volatile.Write(ref _spare, writer);
        }
    }

    /// <summary>The fact as one string: <c>path = value</c>.</summary>
    /// <param name="path">The fact's path text.</param>
    /// <param name="value">The value the evidence holds there.</param>
    /// <param name="declared">The type the evidence model declares for that place (a field's type, a list's element type).</param>
    public string Format(string path, object value, Type declared) => Format(Path.Clear().Append(path), value, declared);

    /// <summary>The fact as one string, its path taken from a builder (<see cref="Path"/>) without a string of its own.</summary>
    /// <param name="path">The fact's path text.</param>
    /// <param name="value">The value the evidence holds there.</param>
    /// <param name="declared">The type the evidence model declares for that place.</param>
    public string Format(StringBuilder path, object value, Type declared)
    {
        if (value is bool flag)
        {
            // Most facts a verdict rests on are flags; JSON writes them as these words, so no writer is needed.
            var word = flag ? " = true" : " = false";
            return string.Create(path.Length + word.Length, (path, word), static (chars, state) =>
            {
                state.path.CopyTo(0, chars, state.path.Length);
                state.word.CopyTo(chars[state.path.Length..]);
            });
        }

        WriteValue(value, declared);
        return string.Create(
            path.Length + 3 + Encoding.UTF8.GetCharCount(_buffer.WrittenSpan),
            (path, _buffer),
            static (chars, state) =>
            {
                state.path.CopyTo(0, chars, state.path.Length);
                " = ".CopyTo(chars[state.path.Length..]);
                Encoding.UTF8.GetChars(state._buffer.WrittenSpan, chars[(state.path.Length + 3)..]);
            });
    }

    private void WriteValue(object value, Type declared)
    {
        // Reset first, not after: a failure mid-write must not leave half a value for the next fact.
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        EvidenceModel.Write(_json, value, declared);
        _json.Flush();
    }
}
