namespace IntacctSync.Rules.Rules.Subjects;

// What the recognized messages say: whether a code's message was seen, and the values a message named
// (the person, vendor, credit card, date ... a message gave wins over what the facts would pick).
public sealed partial class EvidenceFacts
{
    /// <summary>Whether a message recognized as <paramref name="code"/>'s was seen.</summary>
    /// <param name="code">The error code, such as <c>INT068</c>.</param>
    /// <returns><c>true</c> when one of the evidence's messages is that code's.</returns>
    public bool HasMessageOf(string code) => MessageSeen(code);

    /// <summary>Whether a message was recognized as <paramref name="code"/>'s.</summary>
    /// <param name="code">The code, such as <c>INT054</c>.</param>
    /// <returns>Whether such a message was seen.</returns>
    public bool MessageSeen(string code)
    {
        // A loop, not Any(closure): conditions ask this of every document.
        foreach (var match in Matches)
        {
            if (string.Equals(match.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value a message of <paramref name="code"/> gave for the subject name <paramref name="name"/> (<c>person</c>, <c>vendor</c>, ...), if one did.</summary>
    /// <param name="code">The code, such as <c>INT093</c>.</param>
    /// <param name="name">The contract subject name.</param>
    /// <returns>The value, or <c>null</c>.</returns>
    public string? NamedInMessage(string code, string name) => Named(code, name);

    private string? Named(string code, string name)
    {
        foreach (var match in Matches)
        {
            if (string.Equals(match.Code, code, StringComparison.OrdinalIgnoreCase)
                && match.Values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
