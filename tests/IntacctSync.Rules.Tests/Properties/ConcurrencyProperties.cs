using System.Collections.Concurrent;
using CsCheck;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// One classifier shared by many threads gives every caller the report a single thread gets. (The hot
/// reload half of issue 7 waits for hot reload to exist.)
/// </summary>
public class ConcurrencyProperties
{
    private const int Documents = 2_000;

    [Fact]
    public void Classify_OneClassifierFromManyThreads_GivesTheSingleThreadedReports()
    {
        var classifier = SyncErrorClassifier.Create(new IntacctSyncRulesOptions(), new RuleCorpusTests.FixedTime());
        var evidence = new SyncEvidence[Documents];
        for (var i = 0; i < evidence.Length; i++)
        {
            evidence[i] = EvidenceGenerators.Evidence.Generate(new PCG(2, PropertyRunner.Seed + (ulong)i), null, out _);
        }

        var expected = evidence.Select(e => DiagnosisReportJson.Write(classifier.Classify(e))).ToArray();
        Assert.Contains(expected, r => r.Contains("\"INT402\"", StringComparison.Ordinal));
        Assert.Contains(expected, r => r.Contains("\"UNCLASSIFIED\"", StringComparison.Ordinal));

        // Three passes over every document, in an order that interleaves different documents on each thread.
        var mismatches = new ConcurrentBag<int>();
        Parallel.For(0, Documents * 3, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(4, Environment.ProcessorCount * 2) }, n =>
        {
            var i = (int)((n * 7919L) % Documents);
            if (DiagnosisReportJson.Write(classifier.Classify(evidence[i])) != expected[i])
            {
                mismatches.Add(i);
            }
        });

        Assert.True(mismatches.IsEmpty, "reports differ from the single-threaded ones for documents " + string.Join(", ", mismatches.Distinct().Order().Take(20)));
    }
}
