namespace IntacctSync.Rules.Tests.Shared;

/// <summary>
/// Format-blind mutations of a byte sequence, shared by the hostile-input tests of evidence (CLI) and of
/// Intacct responses (library). Each takes the caller's <see cref="Random"/>, so a seed fixes the run.
/// Compiled into both test projects as a linked file.
/// </summary>
internal static class ByteMutations
{
    /// <summary>Replaces <paramref name="remove"/> bytes at <paramref name="at"/> with <paramref name="insert"/> (both clamped to the input).</summary>
    public static byte[] Splice(byte[] input, int at, int remove, ReadOnlySpan<byte> insert)
    {
        at = Math.Clamp(at, 0, input.Length);
        remove = Math.Clamp(remove, 0, input.Length - at);
        var result = new byte[input.Length - remove + insert.Length];
        input.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result.AsSpan(at));
        input.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }

    /// <summary>Flips one to eight random bits.</summary>
    public static byte[] FlipBits(byte[] input, Random random)
    {
        var result = (byte[])input.Clone();
        for (var k = random.Next(1, 9); k > 0 && result.Length > 0; k--)
        {
            result[random.Next(result.Length)] ^= (byte)(1 << random.Next(8));
        }

        return result;
    }

    public static byte[] Truncate(byte[] input, Random random) => input.AsSpan(0, random.Next(input.Length + 1)).ToArray();

    public static byte[] DeleteSpan(byte[] input, Random random) => Splice(input, random.Next(input.Length + 1), random.Next(1, 64), []);

    /// <summary>Inserts 1 to <paramref name="maxLength"/> - 1 random bytes anywhere.</summary>
    public static byte[] InsertRandom(byte[] input, Random random, int maxLength)
    {
        var bytes = new byte[random.Next(1, maxLength)];
        random.NextBytes(bytes);
        return Splice(input, random.Next(input.Length + 1), 0, bytes);
    }
}
