// Hostile responses through IntacctResponseReader (issue 7): mutations of the 61 catalogued payloads in
// Fixtures/ (byte flips, truncation, entity expansion, deep nesting, huge bodies, random markup). The
// reader must return ApiErrors or throw IntacctResponseFormatException with a position (line and column;
// only "too large" has none, as it is about the whole body) — nothing else, and never hang.
//
// CI runs a fixed sample (the same mutations every run). The full run, 10,000 mutations:
//
//   INTACCTSYNC_FUZZ_ITERATIONS=10000 dotnet test tests/IntacctSync.Rules.Tests --filter IntacctResponseReaderHostileTests
//
// INTACCTSYNC_FUZZ_SEED (an integer) picks another sequence; a failure names the iteration, the seed and
// the mutations, and writes the offending bytes to the temporary folder.

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using Xunit.Abstractions;
using static IntacctSync.Rules.Tests.Shared.ByteMutations;

namespace IntacctSync.Rules.Tests.Intacct;

public sealed class IntacctResponseReaderHostileTests
{
    private const int CiIterations = 1_500;
    private const int DefaultSeed = 20_261_128;

    // A liveness guard, not a speed assertion: a loop that has not finished in this long is stuck.
    private static readonly TimeSpan HangCeiling = TimeSpan.FromMinutes(10);

    private static readonly byte[][] Seeds = LoadSeeds();

    private readonly ITestOutputHelper _output;

    public IntacctResponseReaderHostileTests(ITestOutputHelper output) => _output = output;

    private delegate byte[] Mutation(byte[] input, Random random);

    private static readonly (string Name, Mutation Apply)[] Mutations =
    [
        ("flip bits", FlipBits),
        ("truncate", Truncate),
        ("delete a span", DeleteSpan),
        ("insert random bytes", (input, random) => InsertRandom(input, random, 16)),
        ("insert markup tokens", InsertTokens),
        ("invalid UTF-8", InvalidUtf8),
        ("entity expansion", EntityExpansion),
        ("deep nesting", DeepNesting),
        ("huge", Huge),
    ];

    [Fact]
    public async Task Read_MutatedPayloads_ReturnErrorsOrThrowPositionedFormatException()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("INTACCTSYNC_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : CiIterations;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INTACCTSYNC_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        var failures = new ConcurrentBag<string>();
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var inFlight = new ConcurrentDictionary<int, string>();

        var loop = Task.Run(() => Parallel.For(0, iterations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
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

            var label = $"iteration {i} (INTACCTSYNC_FUZZ_SEED={seed}; {string.Join(", ", applied)})";
            inFlight[i] = label;
            var (outcome, problem) = Check(input, asStream: random.Next(2) == 0);
            inFlight.TryRemove(i, out _);
            if (problem is not null)
            {
                failures.Add($"{label}: {problem}\n{Dump(input, i)}");
            }

            outcomes.AddOrUpdate(outcome, 1, (_, c) => c + 1);
        }));

        var finished = await Task.WhenAny(loop, Task.Delay(HangCeiling)) == loop;
        Assert.True(finished, $"the reader did not finish within {HangCeiling}; still reading: {string.Join("; ", inFlight.Values.Take(5))}");
        _output.WriteLine($"{iterations:N0} mutations (seed {seed}); outcomes: {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {o.Value:N0}"))}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {iterations} mutations misbehaved:\n" + string.Join("\n\n", failures.Take(10)));
    }

    [Fact]
    public void Seeds_AreTheSixtyOneCataloguedPayloads_AndReadCleanly()
    {
        Assert.Equal(61, Seeds.Length);
        Assert.All(Seeds, seed => Assert.Equal(("errors", null), Check(seed, asStream: true)));
    }

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { "billion laughs", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n<response>&lol2;</response>" },
        { "external entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n<response>&x;</response>" },
        { "deep XML", string.Concat(Enumerable.Repeat("<a>", 100_000)) },
        { "deep JSON", new string('[', 100_000) },
        { "deep JSON object", string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) },
        { "lone surrogate", "{ \"ia::result\": { \"ia::error\": { \"errorId\": \"GL-1\", \"message\": \"bad \\uD800 text\" } } }" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public void Read_HostileBody_ThrowsFormatExceptionWithPosition(string name, string body)
    {
        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(body, name));

        Assert.NotNull(ex.Line);
        Assert.NotNull(ex.Column);
        Assert.StartsWith(name + ": ", ex.Message, StringComparison.Ordinal);
    }

    // XDocument.Load is quadratic in depth: without the depth check this body took over a minute.
    [Fact]
    public void Read_XmlNestedDeeperThanAResponse_ThrowsNamingTheDepthAndWhere()
    {
        var body = "<response>\n" + string.Concat(Enumerable.Repeat("<a>", 1_000_000));

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(body, "deep.xml"));

        Assert.Contains("deeper than 64 levels (at <a>)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Line);
        Assert.Equal(63 * 3 + 2, ex.Column);
    }

    [Fact]
    public void Read_BodyOverTheLimit_ThrowsSayingItIsTooLarge()
    {
        var body = "<response>" + new string(' ', IntacctResponseReader.MaxResponseBytes) + "</response>";

        var ex = Assert.Throws<IntacctResponseFormatException>(() => IntacctResponseReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(body)), "big.xml"));

        Assert.Contains("larger than", ex.Reason, StringComparison.Ordinal);
    }

    /// <summary>The outcome's name and what is wrong with it, or <c>null</c>.</summary>
    private static (string Outcome, string? Problem) Check(byte[] input, bool asStream)
    {
        try
        {
            var errors = asStream
                ? IntacctResponseReader.Read(new MemoryStream(input, writable: false), "fuzz")
                : IntacctResponseReader.Read(Encoding.UTF8.GetString(input), "fuzz");
            if (errors is null || errors.Any(e => e is null))
            {
                return ("errors", "returned null or a null error");
            }

            return (errors.Any(IntacctResponseReader.IsUnavailable) ? "unavailable" : "errors", null);
        }
        catch (IntacctResponseFormatException ex)
        {
            if (ex.Reason.Contains("larger than", StringComparison.Ordinal))
            {
                return ("too large", null);
            }

            if (ex.Line is null || ex.Column is null || ex.Line < 1 || ex.Column < 1)
            {
                return ("format error", $"IntacctResponseFormatException without a position: {ex.Message}");
            }

            return ("format error", ex.Message.StartsWith("fuzz: ", StringComparison.Ordinal) ? null : "the message does not name the source: " + ex.Message);
        }
        catch (Exception ex)
        {
            return ("other exception", "unexpected exception: " + ex);
        }
    }

    private static string Dump(byte[] input, int iteration)
    {
        var file = Path.Combine(Path.GetTempPath(), $"intacctsync-hostile-response-{iteration}.bin");
        File.WriteAllBytes(file, input);
        var preview = input.Length <= 300 ? Encoding.UTF8.GetString(input) : Encoding.UTF8.GetString(input.AsSpan(0, 300)) + "...";
        return $"({input.Length} bytes, written to {file}) {preview}";
    }

    private static byte[][] LoadSeeds() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.TestProject, "Intacct", "Fixtures"))
            .Where(f => !f.Contains(".verified.", StringComparison.Ordinal) && !f.Contains(".received.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();

    private static readonly string[] Tokens =
    [
        "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x1F;", "&#xFFFF;", "&#99999999;", "&nosuch;", "]]>", "<![CDATA[", "<!--", "-->",
        "<?xml version=\"1.0\"?>", "<?pi x?>", "<errormessage>", "<error>", "</error>", "<result>", "<status>failure</status>",
        "xmlns:a=\"urn:x\"", "<a:b>", "\"", "{", "}", "[", "]", ":", ",", "\\", "\\u0000", "\\uD800", "null", "true", "1e999",
        "\"ia::error\":", "\"details\":[", "\"ia::result\":{", "\u0000", "\u00A0", "\u202E", "\uFEFF",
    ];

    private static byte[] InsertTokens(byte[] input, Random random)
    {
        var token = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
        return Splice(input, random.Next(input.Length + 1), random.Next(2) == 0 ? 0 : random.Next(1, 8), token);
    }

    private static readonly byte[][] BadUtf8 = [[0xC0, 0xAF], [0xE0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xFE, 0xFF], [0x80]];

    private static byte[] InvalidUtf8(byte[] input, Random random) => Splice(input, random.Next(input.Length + 1), 0, BadUtf8[random.Next(BadUtf8.Length)]);

    /// <summary>Puts an entity-expanding or external-entity DTD in front of the body (after any XML declaration).</summary>
    private static byte[] EntityExpansion(byte[] input, Random random)
    {
        var dtd = random.Next(3) switch
        {
            0 => "<!DOCTYPE response [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
            1 => "<!DOCTYPE response [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
            _ => "<!DOCTYPE response SYSTEM \"http://127.0.0.1:9/evil.dtd\">",
        };
        var declaration = input.AsSpan().IndexOf("?>"u8);
        var at = input.AsSpan().StartsWith("<?xml"u8) && declaration > 0 ? declaration + 2 : 0;
        var result = Splice(input, at, 0, Encoding.UTF8.GetBytes(dtd));
        var close = result.AsSpan().LastIndexOf("</"u8);
        return close > 0 && random.Next(2) == 0 ? Splice(result, close, 0, "&d;&x;"u8) : result;
    }

    /// <summary>Wraps a span of the body in thousands of nested elements, arrays or objects.</summary>
    private static byte[] DeepNesting(byte[] input, Random random)
    {
        var depth = random.Next(1_000, 20_000);
        var json = input.AsSpan().TrimStart(" \t\r\n\uFEFF"u8.ToArray()).StartsWith("{"u8) || random.Next(4) == 0;
        var (open, close) = json ? (random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}")) : ("<n>", "</n>");
        var at = random.Next(input.Length + 1);
        var result = Splice(input, at, 0, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
        return random.Next(2) == 0
            ? Splice(result, at + (open.Length * depth), 0, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(close, depth))))
            : result;
    }

    /// <summary>Pads a text with megabytes, sometimes past the reader's limit.</summary>
    private static byte[] Huge(byte[] input, Random random)
    {
        var size = random.Next(4) == 0 ? IntacctResponseReader.MaxResponseBytes + random.Next(1, 1024) : random.Next(100_000, 2_000_000);
        var filler = new byte[size];
        filler.AsSpan().Fill((byte)"xA \u00e9<&"[random.Next(6)]);
        var target = input.AsSpan().IndexOf("<description2>"u8);
        var at = target >= 0 ? target + "<description2>".Length : random.Next(input.Length + 1);
        return Splice(input, at, 0, filler);
    }
}
