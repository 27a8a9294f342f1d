namespace IntacctSync.Rules.Generators;

/// <summary>Finds the repository from the generator's output folder (or the tests' that use it), so files are written in place.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntacctSync.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No IntacctSync.Rules.sln above {AppContext.BaseDirectory}; run the generators from the repository.");
    }
}
