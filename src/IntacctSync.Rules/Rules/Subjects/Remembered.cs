namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// A three-valued fact worked out once per document and kept in one <see cref="sbyte"/> field of
/// <see cref="EvidenceFacts"/> (0 = not yet read), so that remembering it allocates nothing: most documents are healthy,
/// and a healthy classification allocates a few hundred bytes in all.
/// </summary>
internal static class Remembered
{
    public static bool? Read<TState>(ref sbyte field, EvidenceFacts facts, TState state, Func<EvidenceFacts, TState, bool?> read)
    {
        if (field == 0)
        {
            field = read(facts, state) switch { null => 1, false => 2, true => 3 };
        }

        return field switch { 1 => null, 2 => false, _ => true };
    }
}
