using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IntacctSync.Rules.Benchmarks.Infrastructure;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// One <c>intacct-sync diagnose</c> as a whole process (<c>dotnet intacct-sync.dll diagnose FILE</c>,
/// Release build, and the same published ReadyToRun) against the floor of any .NET command: a hello-world console app started the same way.
/// Also the same published as Native AOT, the form the linux-x64 tool package ships (see <see cref="RepoPaths.EnsureNativeAotPublish"/>):
/// its report must equal the Release build's byte for byte, or setup throws. And that Native AOT build without the generated
/// fast JSON readers (rule files and the evidence read by System.Text.Json), to see what the readers are worth as shipped.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class CliBenchmarks
{
    private const string CaseFile = "tests/IntacctSync.Rules.Tests/Cases/INT402/contract-udd-inactive.json";

    private string _cli = null!;
    private string _readyToRun = null!;
    private string _nativeAot = null!;
    private string _nativeAotNoFastReaders = null!;
    private string _hello = null!;
    private string _case = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cli = RepoPaths.EnsureReleaseBuild(
            "src/IntacctSync.Rules.Cli/IntacctSync.Rules.Cli.csproj", "src/IntacctSync.Rules.Cli/bin/Release/net10.0/intacct-sync.dll");
        _readyToRun = RepoPaths.EnsureReadyToRunPublish("src/IntacctSync.Rules.Cli/IntacctSync.Rules.Cli.csproj");
        _nativeAot = RepoPaths.EnsureNativeAotPublish("src/IntacctSync.Rules.Cli/IntacctSync.Rules.Cli.csproj");
        _nativeAotNoFastReaders = RepoPaths.EnsureNativeAotPublish("src/IntacctSync.Rules.Cli/IntacctSync.Rules.Cli.csproj", withoutFastReaders: true);
        _hello = RepoPaths.EnsureReleaseBuild("bench/HelloWorld/HelloWorld.csproj", "bench/HelloWorld/bin/Release/net10.0/hello-world.dll");
        _case = Path.Combine(RepoPaths.Root, CaseFile);

        // The first is the shipped build: the Native AOT build's report is compared with its output.
        string? shipped = null;
        foreach (var cli in new[] { _cli, _readyToRun })
        {
            var (exitCode, output) = RepoPaths.Run("dotnet", [cli, "diagnose", _case, "--format", "json"]);
            if (exitCode != 0 || !output.Contains("\"INT402\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{cli} diagnose {CaseFile} should exit 0 with an INT402 report; it exited {exitCode}:{Environment.NewLine}{output}");
            }

            shipped ??= output;
        }

        foreach (var aotBuild in new[] { _nativeAot, _nativeAotNoFastReaders })
        {
            if (RepoPaths.Run(aotBuild, ["diagnose", _case, "--format", "json"]) is not (0, var aot) || aot != shipped)
            {
                throw new InvalidOperationException($"The Native AOT build {aotBuild}'s report for {CaseFile} differs from the Release build's.");
            }
        }

        if (RepoPaths.Run("dotnet", [_hello]) is not (0, _))
        {
            throw new InvalidOperationException("hello-world should exit 0.");
        }
    }

    [Benchmark(Baseline = true, Description = "dotnet hello-world.dll")]
    public int HelloWorld() => RepoPaths.Run("dotnet", [_hello]).ExitCode;

    [Benchmark(Description = "dotnet intacct-sync.dll diagnose contract-udd-inactive.json --format json")]
    public int Diagnose() => RepoPaths.Run("dotnet", [_cli, "diagnose", _case, "--format", "json"]).ExitCode;

    [Benchmark(Description = "the same, CLI published ReadyToRun for this runtime identifier")]
    public int DiagnoseReadyToRun() => RepoPaths.Run("dotnet", [_readyToRun, "diagnose", _case, "--format", "json"]).ExitCode;

    [Benchmark(Description = "the same, CLI published Native AOT (as the linux-x64 tool package ships)")]
    public int DiagnoseNativeAot() => RepoPaths.Run(_nativeAot, ["diagnose", _case, "--format", "json"]).ExitCode;

    [Benchmark(Description = "the same Native AOT, without the generated fast JSON readers")]
    public int DiagnoseNativeAotNoFastReaders() => RepoPaths.Run(_nativeAotNoFastReaders, ["diagnose", _case, "--format", "json"]).ExitCode;
}
