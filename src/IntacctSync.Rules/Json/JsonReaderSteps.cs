using System.Text.Json;

namespace IntacctSync.Rules;

/// <summary>
/// The steps the generated readers (<c>FastEvidenceReader</c>, <c>FastRuleDocumentReader</c>) take through a
/// <see cref="Utf8JsonReader"/>. Any step that meets something the reader does not accept outright throws
/// <see cref="GiveUp"/>, which the reader turns into "read it through System.Text.Json instead".
/// </summary>
internal static class JsonReaderSteps
{
    /// <summary>The next token, or give up at the end of the input.</summary>
    public static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new GiveUp();

    /// <summary>Give up unless the current token is <paramref name="token"/>.</summary>
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new GiveUp();
        }
    }

    /// <summary>Marks a field as read; a field given twice makes the reader give up.</summary>
    public static void Once(ref ulong seen, ulong bit)
    {
        if ((seen & bit) != 0)
        {
            throw new GiveUp();
        }

        seen |= bit;
    }

    /// <summary>A whole number that fits an <see cref="int"/>, as System.Text.Json reads one.</summary>
    public static int Int32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw new GiveUp();

    /// <summary>Thrown to give the input to the System.Text.Json path; caught by the reader that started.</summary>
    internal sealed class GiveUp : Exception;
}
