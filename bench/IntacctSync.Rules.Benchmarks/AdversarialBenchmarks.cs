using System.Text;
using BenchmarkDotNet.Attributes;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// Inputs built to be expensive (issue 15), each at a size <see cref="Size"/> that doubles: 2, 4, 8, 16. Linear
/// cost shows as a mean and an allocation that double with the size (BenchmarkDotNet computes ratios only within one
/// parameter value, so there is no baseline: read the columns down each family). The families: one long message that repeats a template's opening words with nothing after them
/// (every occurrence is a possible start of a match), many such messages, API errors naming one object, API errors
/// naming as many objects, and reading an XML and a REST response with that many errors. Sizes: Size × 25 KB of
/// message text; Size × 1,000 API errors or response errors (16,000 errors make a 2.5 MB XML response, within the
/// reader's 4 MiB limit; 16,000 objects are past the report's 10,000-diagnosis cap).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class AdversarialBenchmarks
{
    private const string Prefix = "Sage Intacct couldn't return values for dimension ";

    private ISyncErrorClassifier _classifier = null!;
    private SyncEvidence _longMessage = null!;
    private SyncEvidence _manyMessages = null!;
    private SyncEvidence _oneObject = null!;
    private SyncEvidence _manyObjects = null!;
    private string _xml = null!;
    private string _rest = null!;

    [Params(2, 4, 8, 16)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _classifier = Classifiers.BuiltIn();
        var message = Repeat(Prefix, Size * 25 * 1024 / Prefix.Length);
        _longMessage = new SyncEvidence { SchemaVersion = 1, Messages = [message] };
        _manyMessages = new SyncEvidence { SchemaVersion = 1, Messages = [.. Enumerable.Repeat(Repeat(Prefix, 25 * 1024 / Prefix.Length), Size)] };
        _oneObject = new SyncEvidence { SchemaVersion = 1, Operation = SyncOperation.Sync, ApiErrors = [.. Enumerable.Range(0, Size * 1000).Select(_ => Error("COSTCENTER"))] };
        _manyObjects = new SyncEvidence { SchemaVersion = 1, Operation = SyncOperation.Sync, ApiErrors = [.. Enumerable.Range(0, Size * 1000).Select(i => Error($"UDD{i}"))] };
        _xml = Xml(Size * 1000);
        _rest = Rest(Size * 1000);
        // Each API error naming its own object is a diagnosis of its own, up to the report's cap; the rest are listed.
        var many = _classifier.Classify(_manyObjects);
        var written = Math.Min(Size * 1000, 10_000);
        if (many.Diagnoses.Count != written || many.Unexplained.Count != (Size * 1000) - written || many.Incomplete.Count != (written < Size * 1000 ? 1 : 0)
            || IntacctResponseReader.Read(_xml).Count != Size * 1000 || IntacctResponseReader.Read(_rest, 400).Count < Size * 1000)
        {
            throw new InvalidOperationException("Each API error naming its own object should give its own diagnosis up to 10,000 and be listed after that, and every response error should be read.");
        }
    }

    [Benchmark(Description = "One long message, a template's opening words repeated")]
    public int LongMessage() => _classifier.Classify(_longMessage).Unexplained.Count;

    [Benchmark(Description = "25 KB messages of a template's opening words")]
    public int ManyMessages() => _classifier.Classify(_manyMessages).Unexplained.Count;

    [Benchmark(Description = "API errors naming one object")]
    public int OneObject() => _classifier.Classify(_oneObject).Diagnoses.Count;

    [Benchmark(Description = "API errors naming as many objects")]
    public int ManyObjects() => _classifier.Classify(_manyObjects).Diagnoses.Count;

    [Benchmark(Description = "Read an XML response with that many errors")]
    public int XmlErrors() => IntacctResponseReader.Read(_xml).Count;

    [Benchmark(Description = "Read a REST response with that many details")]
    public int RestDetails() => IntacctResponseReader.Read(_rest, 400).Count;

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static ApiError Error(string @object) =>
        new() { ErrorNo = "BL01001973", Description = $"Object definition {@object} not found", Function = "readByQuery", Object = @object };

    private static string Xml(int errors)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>failure</status><function>readByQuery</function><errormessage>");
        for (var i = 0; i < errors; i++)
        {
            text.Append("<error><errorno>BL01001973</errorno><description>Object definition UDD").Append(i).Append(" not found</description><description2></description2><correction></correction></error>");
        }

        return text.Append("</errormessage></result></operation></response>").ToString();
    }

    private static string Rest(int errors)
    {
        var text = new StringBuilder("{\"ia::result\":{\"ia::error\":{\"code\":\"invalidRequest\",\"message\":\"The request is not valid\",\"details\":[");
        for (var i = 0; i < errors; i++)
        {
            text.Append(i == 0 ? "" : ",").Append("{\"code\":\"notFound\",\"message\":\"Object definition UDD").Append(i).Append(" not found\"}");
        }

        return text.Append("]}},\"ia::meta\":{\"totalCount\":1,\"totalSuccess\":0,\"totalError\":1}}").ToString();
    }
}
