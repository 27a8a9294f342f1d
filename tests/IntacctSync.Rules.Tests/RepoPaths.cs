namespace IntacctSync.Rules.Tests;

/// <summary>Finds files of the repository from the test's output folder, so tests read sources in place.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "IntacctSync.Rules.Tests");

    public static string Cases => Path.Combine(TestProject, "Cases");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntacctSync.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No IntacctSync.Rules.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
