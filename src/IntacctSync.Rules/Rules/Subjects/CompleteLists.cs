namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// Lookups in the evidence's lists. A present list is complete (a key no record has does not exist), but a record
/// whose key is absent may be the one looked for: then a miss is unknown, not "not listed".
/// </summary>
internal static class CompleteLists
{
    /// <summary>Whether a record of <paramref name="records"/> has no <paramref name="key"/> (absent or empty).</summary>
    /// <remarks>An indexed loop over a static selector: nothing is allocated, and this runs for every document.</remarks>
    public static bool AnyKeyless<T>(IReadOnlyList<T> records, Func<T, string?> key)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (string.IsNullOrEmpty(key(records[i])))
            {
                return true;
            }
        }

        return false;
    }
}
