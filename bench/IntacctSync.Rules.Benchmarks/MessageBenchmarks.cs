using BenchmarkDotNet.Attributes;
using IntacctSync.Rules.Benchmarks.Floor;
using IntacctSync.Rules.Benchmarks.Infrastructure;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Benchmarks;

/// <summary>
/// Recognizing a pasted message: evidence holding one message and nothing else, classified per call.
/// The baseline is evidence holding nothing at all (the fixed cost of a classification). Recognition on its own
/// (finding the rule and its placeholder values for one message, without writing a report) is timed too: that
/// is what the "message recognition ≤ 2 µs" target is about.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class MessageBenchmarks
{
    private const string Int402Message =
        "INT402 Sync Error: Sage Intacct couldn’t return values for dimension Fund. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions.";

    private const string UnknownMessage =
        "Expensify couldn't export the report: the connection to the accounting system timed out. Try again later.";

    private ISyncErrorClassifier _classifier = null!;
    private MessageRecognizer _recognizer = null!;
    private SyncEvidence _empty = null!;
    private SyncEvidence _int402 = null!;
    private SyncEvidence _unknown = null!;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = Classifiers.BuiltIn();
        _recognizer = RuleSet.Load(includeBuiltIn: true, []).Recognizer;
        if (_recognizer.Recognize(Int402Message) is not { Rule.Code: "INT402" } found || found.Values.GetValueOrDefault("dimension") != "Fund")
        {
            throw new InvalidOperationException("The recognizer should read the INT402 message as INT402 for dimension Fund.");
        }

        if (_recognizer.Recognize(UnknownMessage) is not null)
        {
            throw new InvalidOperationException("The recognizer should recognize nothing in the unknown message.");
        }

        _empty = new SyncEvidence();
        _int402 = new SyncEvidence { Messages = [Int402Message] };
        _unknown = new SyncEvidence { Messages = [UnknownMessage] };
        Agreement.Check(_classifier, null, [("empty", _empty), ("INT402 message", _int402), ("unknown message", _unknown)]);
        var int402 = _classifier.Classify(_int402).Diagnoses;
        if (int402.Count != 1 || int402[0].Code != "INT402" || int402[0].Subject.GetValueOrDefault("dimension") != "Fund")
        {
            throw new InvalidOperationException("The INT402 message should be recognized as INT402 for dimension Fund.");
        }

        if (_classifier.Classify(_unknown).Diagnoses.Any(d => d.Code == "INT402"))
        {
            throw new InvalidOperationException("The unknown message should not be recognized as INT402.");
        }
    }

    [Benchmark(Baseline = true, Description = "Library: Classify empty evidence")]
    public int Empty() => _classifier.Classify(_empty).Diagnoses.Count;

    [Benchmark(Description = "Library: Classify one INT402 message")]
    public int Int402() => _classifier.Classify(_int402).Diagnoses.Count;

    [Benchmark(Description = "Library: Classify one message matching nothing")]
    public int Unknown() => _classifier.Classify(_unknown).Diagnoses.Count;

    [Benchmark(Description = "Library: recognize one INT402 message (no report)")]
    public bool RecognizeInt402() => _recognizer.Recognize(Int402Message) is not null;

    [Benchmark(Description = "Library: recognize one message matching nothing (no report)")]
    public bool RecognizeUnknown() => _recognizer.Recognize(UnknownMessage) is not null;

    [Benchmark(Description = "Floor: hand-written, one INT402 message")]
    public int HandWrittenInt402Message() => HandWrittenInt402.Decide(_int402).Count;

    [Benchmark(Description = "Floor: hand-written, one message matching nothing")]
    public int HandWrittenUnknown() => HandWrittenInt402.Decide(_unknown).Count;
}
