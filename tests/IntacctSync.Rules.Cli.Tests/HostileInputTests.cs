// Hostile bytes through the CLI's reading path (issue 7): mutations of the valid INT402 case files fed
// to `intacct-sync diagnose -` on standard input.
//
// `CliApp.Run` compiles the whole rule catalog on every call (DiagnoseCommand builds its classifier
// before it reads the evidence), which costs far more than reading the input. So every mutation goes
// through the CLI's reading code in-process (SyncEvidenceJson.Read on the stdin stream with the source
// "<stdin>", the CLI's error line, classification of what was read), and a fixed subset (every
// CliEvery-th mutation) goes through `CliApp.Run(["diagnose", "-"], ...)` itself, which must give the
// same exit code and standard error as the in-process path.
//
// CI runs a fixed sample (the same mutations on every run). The full run, at least 10,000 mutations:
//
//   INTACCTSYNC_FUZZ_ITERATIONS=10000 dotnet test tests/IntacctSync.Rules.Cli.Tests --filter HostileInputTests
//
// INTACCTSYNC_FUZZ_SEED (an integer) picks another sequence of mutations; a failure names the iteration,
// the seed and the mutations, and writes the offending bytes to the temporary folder.

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using Xunit.Abstractions;
using static IntacctSync.Rules.Tests.Shared.ByteMutations;

namespace IntacctSync.Rules.Cli.Tests;

public sealed class HostileInputTests
{
    private const int CiIterations = 1_500;
    private const int CliEvery = 100;
    private const int DefaultSeed = 20_261_120;

    private static readonly byte[][] Seeds = LoadSeeds();

    private static readonly SyncErrorClassifier Classifier = SyncErrorClassifier.Create();

    private readonly ITestOutputHelper _output;

    public HostileInputTests(ITestOutputHelper output) => _output = output;

    private delegate byte[] Mutation(byte[] input, Random random);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("flip bits", FlipBits),
        ("truncate", Truncate),
        ("duplicate a key", DuplicateKey),
        ("huge number", HugeNumber),
        ("invalid UTF-8", InvalidUtf8),
        ("deep nesting", DeepNesting),
        ("insert random bytes", (input, random) => InsertRandom(input, random, 17)),
        ("insert JSON tokens", InsertTokens),
        ("delete a span", DeleteSpan),
    ];

    [Fact]
    public void Diagnose_MutatedEvidenceOnStandardInput_ExitsZeroOrTwoWithAPositionedError()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("INTACCTSYNC_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : CiIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INTACCTSYNC_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var failures = new ConcurrentBag<string>();
        var exits = new ConcurrentDictionary<int, int>();
        var throughCli = 0;
        var clock = Stopwatch.StartNew();

        Parallel.For(0, iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = new Random(unchecked((seed * 1_000_003) + i)); // not HashCode.Combine, which is randomized per process
            var input = Seeds[random.Next(Seeds.Length)];
            var applied = new List<string>();
            for (var k = random.Next(1, 4); k > 0; k--)
            {
                var (name, apply) = Mutations[random.Next(Mutations.Length)];
                input = apply(input, random);
                applied.Add(name);
            }

            var (code, problem) = Check(input, ReadLikeTheCli);
            if (problem is null && i % CliEvery == 0)
            {
                var cli = Run(input);
                var mirror = ReadLikeTheCli(input);
                problem = Check(input, Run).Problem
                    ?? (cli.Code != mirror.Code || cli.Stderr != mirror.Stderr ? $"CliApp.Run gave exit {cli.Code} '{cli.Stderr.Trim()}', the reading path exit {mirror.Code} '{mirror.Stderr.Trim()}'" : null);
                Interlocked.Increment(ref throughCli);
            }

            if (problem is not null)
            {
                failures.Add($"iteration {i} (INTACCTSYNC_FUZZ_SEED={seed}; {string.Join(", ", applied)}): {problem}\n{Dump(input, i)}");
            }

            exits.AddOrUpdate(code, 1, (_, c) => c + 1);
        });

        _output.WriteLine($"{iterations:N0} mutations ({throughCli:N0} also through CliApp.Run) in {clock.Elapsed.TotalSeconds:F1} s; exits: {string.Join(", ", exits.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value:N0}"))}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {iterations} mutations misbehaved:\n" + string.Join("\n\n", failures.Take(10)));
    }

    public static TheoryData<string, byte[]> PositionlessInputs() => new()
    {
        { "empty", [] },
        { "blank", "  \r\n\t "u8.ToArray() },
        { "BOM only", [0xEF, 0xBB, 0xBF] },
        { "BOM and blanks", [0xEF, 0xBB, 0xBF, 0x20, 0x0A] },
    };

    [Theory]
    [MemberData(nameof(PositionlessInputs))]
    public void Diagnose_EmptyInput_ExitsTwoSayingItIsEmpty(string name, byte[] input)
    {
        var (code, stdout, stderr) = Run(input);

        Assert.True(code == 2, $"{name}: exit {code}");
        Assert.Empty(stdout);
        Assert.Contains("empty", stderr, StringComparison.Ordinal);
        Assert.Null(Check(input, Run).Problem);
        Assert.Equal(Run(input), ReadLikeTheCli(input));
    }

    [Fact]
    public void Diagnose_InputOverTheSizeLimit_ExitsTwoSayingItIsTooLarge()
    {
        var input = new byte[SyncEvidenceJsonLimit + 10];
        Array.Fill(input, (byte)' ');
        "{\"schemaVersion\":1}"u8.CopyTo(input);

        var (code, stdout, stderr) = Run(input);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("larger than 16,777,216 bytes", stderr, StringComparison.Ordinal);
        Assert.Null(Check(input, Run).Problem);
        Assert.Equal(Run(input), ReadLikeTheCli(input));
    }

    [Fact]
    public void Seeds_AreTheValidInt402Cases()
    {
        Assert.True(Seeds.Length >= 15, $"{Seeds.Length} seed files");
        Assert.All(Seeds, seed => Assert.Equal((0, null), Check(seed, ReadLikeTheCli)));
        var cli = Run(Seeds[0]);
        Assert.Equal((0, null), Check(Seeds[0], Run));
        Assert.Equal(cli, ReadLikeTheCli(Seeds[0]));
    }

    private const int SyncEvidenceJsonLimit = 16 * 1024 * 1024;

    /// <summary>What is wrong with the CLI's answer to <paramref name="input"/>, or <c>null</c>.</summary>
    private static (int Code, string? Problem) Check(byte[] input, Func<byte[], (int Code, string Stdout, string Stderr)> run)
    {
        var code = -1;
        var problem = Problem(input, run, ref code);
        return (code, problem);
    }

    private static string? Problem(byte[] input, Func<byte[], (int Code, string Stdout, string Stderr)> run, ref int code)
    {
        string stdout, stderr;
        try
        {
            (code, stdout, stderr) = run(input);
        }
        catch (Exception ex)
        {
            return "unhandled exception: " + ex;
        }

        if (code is not (0 or 2))
        {
            return $"exit {code}; stderr: {stderr}";
        }

        if (stderr.Contains("   at ", StringComparison.Ordinal))
        {
            return "stack trace on standard error: " + stderr;
        }

        if (Hostile.FirstUnsafe(stderr) is { } unescaped)
        {
            return "a character a terminal acts on, unescaped on standard error: " + unescaped;
        }

        if (code == 0)
        {
            return stdout.Length == 0 || stderr.Length != 0 ? $"exit 0 with stdout of {stdout.Length} chars and stderr '{stderr}'" : null;
        }

        if (stdout.Length != 0)
        {
            return "exit 2 with output on standard output: " + stdout;
        }

        if (!stderr.Contains("cannot read the evidence", StringComparison.Ordinal) || !stderr.Contains("<stdin>", StringComparison.Ordinal))
        {
            return "exit 2 without saying the evidence in <stdin> cannot be read: " + stderr;
        }

        var positioned = (stderr.Contains("line ", StringComparison.Ordinal) && stderr.Contains("col ", StringComparison.Ordinal))
            || stderr.Contains(": $", StringComparison.Ordinal);
        var legitimatelyPositionless = stderr.Contains("the input is empty", StringComparison.Ordinal)
            || stderr.Contains("larger than", StringComparison.Ordinal);
        return positioned || legitimatelyPositionless ? null : "exit 2 without a position (line/col or $ path): " + stderr;
    }

    /// <summary>
    /// What <c>intacct-sync diagnose -</c> does with standard input, without building a classifier per
    /// call: DiagnoseCommand reads with <c>SyncEvidenceJson.Read(stream, "&lt;stdin&gt;")</c>, reports an
    /// <see cref="EvidenceFormatException"/> as one escaped line (<see cref="TerminalText"/>) and exit 2, else prints the JSON report and exits 0.
    /// Any other exception escapes, as it would from the CLI.
    /// </summary>
    private static (int Code, string Stdout, string Stderr) ReadLikeTheCli(byte[] stdin)
    {
        SyncEvidence evidence;
        try
        {
            using var stream = new MemoryStream(stdin, writable: false);
            evidence = SyncEvidenceJson.Read(stream, "<stdin>");
        }
        catch (EvidenceFormatException ex)
        {
            return (2, string.Empty, "intacct-sync: cannot read the evidence: " + TerminalText.Escape(ex.Message) + Environment.NewLine);
        }

        return (0, DiagnosisReportJson.Write(Classifier.Classify(evidence)) + "\n", string.Empty);
    }

    private static (int Code, string Stdout, string Stderr) Run(byte[] stdin)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = CliApp.Run(["diagnose", "-"], () => new MemoryStream(stdin, writable: false), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Dump(byte[] input, int iteration)
    {
        var file = Path.Combine(Path.GetTempPath(), $"intacctsync-hostile-{iteration}.json");
        File.WriteAllBytes(file, input);
        var preview = input.Length <= 400 ? Convert.ToHexString(input) : Convert.ToHexString(input.AsSpan(0, 400)) + "...";
        return $"({input.Length} bytes, written to {file}) {preview}";
    }

    private static byte[][] LoadSeeds()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IntacctSync.Rules.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException($"No IntacctSync.Rules.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
        }

        // The rule corpus's evidence files (RepoPaths.Cases in the library's tests).
        var cases = Path.Combine(dir.FullName, "tests", "IntacctSync.Rules.Tests", "Cases", "INT402");
        return Directory.EnumerateFiles(cases, "*.json")
            .Where(f => !f.EndsWith(".verified.json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();
    }

    /// <summary>Repeats one <c>"key": value</c> line of the (indented) document right after itself.</summary>
    private static byte[] DuplicateKey(byte[] input, Random random)
    {
        var lines = SplitLines(input);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].AsSpan().TrimStart(" "u8).StartsWith("\""u8) && lines[i].AsSpan().IndexOf("\":"u8) > 0).ToArray();
        if (candidates.Length == 0)
        {
            return InsertTokens(input, random);
        }

        var line = lines[candidates[random.Next(candidates.Length)]];
        var copy = line.AsSpan().TrimEnd("\r\n"u8).ToArray();
        var text = copy.AsSpan().EndsWith(","u8) ? copy : [.. copy, (byte)','];
        var at = lines.TakeWhile(l => !ReferenceEquals(l, line)).Sum(l => l.Length);
        return Splice(input, at, 0, [.. text, (byte)'\n']);
    }

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "99999999999999999999999999999999999999", "2147483648", "-2147483649", "79228162514264337593543950336",
        "0.0000000000000000000000000000000000000001", "1" + new string('0', 5000), "1E+2147483647", "-0", "1.5", "0x10", "NaN", "Infinity",
    ];

    /// <summary>Replaces a number, <c>true</c>/<c>false</c> or string value with a number no field can hold.</summary>
    private static byte[] HugeNumber(byte[] input, Random random)
    {
        var number = Encoding.ASCII.GetBytes(HugeNumbers[random.Next(HugeNumbers.Length)]);
        var colons = Enumerable.Range(0, input.Length).Where(i => input[i] == (byte)':').ToArray();
        if (colons.Length == 0)
        {
            return Splice(input, random.Next(input.Length + 1), 0, number);
        }

        var start = colons[random.Next(colons.Length)] + 1;
        while (start < input.Length && input[start] == (byte)' ')
        {
            start++;
        }

        var end = start;
        if (end < input.Length && input[end] == (byte)'"')
        {
            end = Array.IndexOf(input, (byte)'"', end + 1) + 1;
        }
        else
        {
            while (end < input.Length && input[end] is not ((byte)',' or (byte)'\n' or (byte)'}' or (byte)']' or (byte)'{' or (byte)'['))
            {
                end++;
            }
        }

        return Splice(input, start, Math.Max(0, end - start), number);
    }

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF0, 0x9F, 0x98],
        [0xFE, 0xFF], [0xEF, 0xBB, 0xBF],
    ];

    /// <summary>Puts bytes that are not UTF-8 inside a string (most of the time) or anywhere.</summary>
    private static byte[] InvalidUtf8(byte[] input, Random random)
    {
        var bad = BadUtf8[random.Next(BadUtf8.Length)];
        var quotes = Enumerable.Range(0, input.Length).Where(i => input[i] == (byte)'"').ToArray();
        var at = quotes.Length > 0 && random.Next(4) > 0 ? quotes[random.Next(quotes.Length)] + 1 : random.Next(input.Length + 1);
        return Splice(input, at, 0, bad);
    }

    /// <summary>Replaces a value with arrays or objects nested 17 to 100,000 deep.</summary>
    private static byte[] DeepNesting(byte[] input, Random random)
    {
        var depth = random.Next(3) switch { 0 => random.Next(15, 20), 1 => random.Next(64, 1_100), _ => random.Next(10_000, 100_001) };
        var nested = random.Next(2) == 0
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        var colons = Enumerable.Range(0, input.Length).Where(i => input[i] == (byte)':').ToArray();
        var at = colons.Length > 0 ? colons[random.Next(colons.Length)] + 1 : 0;
        return Splice(input, at, 0, Encoding.ASCII.GetBytes(nested + (random.Next(2) == 0 ? "," : string.Empty)));
    }

    private static readonly string[] Tokens =
    [
        ",", "}", "]", "{", "[", ":", "\"", "null", "true", "\"x\"", "\"\\u0000\"", "\"\\ud800\"", "\\", "/*c*/", "//c\n", "\"schemaVersion\": 2,",
        "\"schemaVersion\": 1,", "\"colour\": \"blue\",", "\"id\": null,", "\"active\": \"yes\",", "\"dimensions\": null,", "\"messages\": [null],",
        "'single'", "\u00A0", "\u2028", "\"\t\"", "NaN", "-", "1.2.3", "\"2026-13-45T99:99:99Z\"", "\"observedAt\": \"yesterday\",",
    ];

    private static byte[] InsertTokens(byte[] input, Random random) =>
        Splice(input, random.Next(input.Length + 1), 0, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));

    private static List<byte[]> SplitLines(byte[] input)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n')
            {
                lines.Add(input[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < input.Length)
        {
            lines.Add(input[start..]);
        }

        return lines;
    }
}
