using System.Diagnostics;

namespace IntacctSync.Rules.Benchmarks.Infrastructure;

/// <summary>Finds the repository (the folder holding IntacctSync.Rules.sln) and its Release builds.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Returns a Release build's main assembly, building the project first when it is missing.</summary>
    public static string EnsureReleaseBuild(string projectPath, string dllPath)
    {
        var project = Path.Combine(Root, projectPath);
        var dll = Path.Combine(Root, dllPath);
        if (File.Exists(dll))
        {
            return dll;
        }

        var (exitCode, output) = Run("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", project]);
        if (exitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet build -c Release {projectPath} failed (exit {exitCode}) or did not produce {dllPath}:{Environment.NewLine}{output}");
        }

        return dll;
    }

    /// <summary>
    /// The CLI published for this machine's runtime identifier with ReadyToRun (precompiled code, framework-dependent)
    /// into <c>BenchmarkDotNet.Artifacts/cli-readytorun</c>, published when it is missing.
    /// </summary>
    public static string EnsureReadyToRunPublish(string projectPath)
    {
        var output = Path.Combine(Root, "BenchmarkDotNet.Artifacts", "cli-readytorun");
        var dll = Path.Combine(output, "intacct-sync.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var (exitCode, log) = Run("dotnet", ["publish", Path.Combine(Root, projectPath), "-c", "Release", "-r", rid, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-p:PublishAot=false", "-o", output, "--nologo", "-v", "q"]);
        if (exitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"dotnet publish -r {rid} -p:PublishReadyToRun=true {projectPath} failed (exit {exitCode}) or did not produce {dll}:{Environment.NewLine}{log}");
        }

        return dll;
    }

    /// <summary>
    /// The CLI published as Native AOT for this machine's runtime identifier into
    /// <c>BenchmarkDotNet.Artifacts/cli-nativeaot</c>, published when it is missing: the program the linux-x64 tool
    /// package ships (built-in rules as generated C#, <c>--rules</c> directories parsed and interpreted). The publish
    /// reports the trim and AOT warnings of the third-party expression parser (README, "Trimming and Native AOT").
    /// The linker is clang when it is installed, else gcc.
    /// </summary>
    /// <param name="projectPath">The project, relative to the repository.</param>
    /// <param name="withoutFastReaders">Publish without the generated fast JSON readers (every evidence document and rule file
    /// read by System.Text.Json), into its own folder and with its own build outputs (<c>--artifacts-path</c>), so that the
    /// other builds keep the readers: what the readers are worth where the tool ships.</param>
    public static string EnsureNativeAotPublish(string projectPath, bool withoutFastReaders = false)
    {
        var output = Path.Combine(Root, "BenchmarkDotNet.Artifacts", withoutFastReaders ? "cli-nativeaot-no-fast-readers" : "cli-nativeaot");
        var binary = Path.Combine(output, OperatingSystem.IsWindows() ? "intacct-sync.exe" : "intacct-sync");
        if (File.Exists(binary))
        {
            return binary;
        }

        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        List<string> arguments = ["publish", Path.Combine(Root, projectPath), "-c", "Release", "-r", rid, "-p:PublishAot=true",
            "-p:TreatWarningsAsErrors=false", "-p:WarningsAsErrors=", "-o", output, "--nologo", "-v", "q"];
        if (!OnPath("clang") && OnPath("gcc"))
        {
            arguments.Add("-p:CppCompilerAndLinker=gcc");
        }

        if (withoutFastReaders)
        {
            arguments.AddRange(["-p:IntacctSyncNoFastReaders=true", "--artifacts-path", Path.Combine(Root, "BenchmarkDotNet.Artifacts", "build-no-fast-readers")]);
        }

        var (exitCode, log) = Run("dotnet", arguments);
        if (exitCode != 0 || !File.Exists(binary))
        {
            throw new InvalidOperationException($"dotnet publish -r {rid} -p:PublishAot=true {projectPath} failed (exit {exitCode}) or did not produce {binary}:{Environment.NewLine}{log}");
        }

        return binary;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    /// <summary>Runs a process to completion, returning its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntacctSync.Rules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No IntacctSync.Rules.sln above {AppContext.BaseDirectory}; run the benchmarks from the repository.");
    }
}
