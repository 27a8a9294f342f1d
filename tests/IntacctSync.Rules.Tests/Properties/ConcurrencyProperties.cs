using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Hosting;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Tests.Hosting;
using Xunit.Abstractions;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// One classifier shared by many threads gives every caller the report a single thread gets, and keeps
/// doing so while its rule set is swapped under them (issue 7).
/// </summary>
public class ConcurrencyProperties(ITestOutputHelper output)
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

    /// <summary>
    /// "A million classifications on all cores while the rule set is swapped a thousand times: every report
    /// equals the report of the rule set in force when that call started; nothing mixed, nothing lost."
    /// </summary>
    /// <remarks>
    /// CI runs 20,000 calls and 100 swaps; <c>INTACCTSYNC_CONCURRENCY_CALLS</c> and
    /// <c>INTACCTSYNC_CONCURRENCY_SWAPS</c> set the full size. Three rule sets take turns: the built-in one
    /// and two that override INT402 with different texts, so consecutive generations always differ. Even
    /// calls classify with the snapshot they read first (its generation says exactly which set decided);
    /// odd calls go through <see cref="ISyncErrorClassifier.Classify"/> and must match a set in force
    /// between the generations read just before and just after. Swaps are paced by calls started, never by
    /// time: swap <c>i</c> waits for <c>i·calls/(swaps+1)</c> calls, and a call waits for the swaps due
    /// one block before it, so the swaps are spread over the whole run on any machine.
    /// </remarks>
    [Fact]
    public void Classify_WhileRuleSetIsSwapped_EveryReportIsThatOfTheSetInForceWhenTheCallStarted()
    {
        var calls = Knob("INTACCTSYNC_CONCURRENCY_CALLS", 20_000);
        var swaps = Knob("INTACCTSYNC_CONCURRENCY_SWAPS", 100);
        using var directories = new TempRuleDirectory();
        using var classifier = new ReloadingClassifier(new FixedOptionsMonitor(new IntacctSyncRulesOptions()), new RuleCorpusTests.FixedTime(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        RuleSet[] sets = [classifier.Current.Rules, OverriddenSet(directories.Path, "b", "[set B]"), OverriddenSet(directories.Path, "c", "[set C]")];
        var documents = SwapDocuments();
        var expected = sets.Select(set => documents.Select(d => DiagnosisReportJson.Write(new RuleSetSnapshot(set, 0, new RuleCorpusTests.FixedTime()).Classify(d))).ToArray()).ToArray();
        for (var a = 0; a < sets.Length; a++)
        {
            Assert.Contains(Enumerable.Range(0, documents.Length), i => expected[a][i] != expected[(a + 1) % sets.Length][i]);
        }

        var generations = new long[calls];
        var wrong = new ConcurrentQueue<string>();
        var published = new long[swaps + 1];
        published[0] = classifier.Current.Generation;
        long started = 0;
        long completed = 0;
        var swapsDone = 0;
        var clock = Stopwatch.StartNew();

        var swapper = new Thread(() =>
        {
            for (var i = 1; i <= swaps; i++)
            {
                var due = (long)i * calls / (swaps + 1);
                var spin = default(SpinWait);
                while (Interlocked.Read(ref started) < due)
                {
                    spin.SpinOnce();
                }

                published[i] = classifier.Publish(sets[i % sets.Length]).Generation;
                Volatile.Write(ref swapsDone, i);
            }
        })
        { IsBackground = true, Name = "swapper" };

        var workers = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => new Thread(() =>
        {
            for (var n = Interlocked.Increment(ref started) - 1; n < calls; n = Interlocked.Increment(ref started) - 1)
            {
                var behind = (int)(n * (swaps + 1) / calls) - 1;
                var spin = default(SpinWait);
                while (Volatile.Read(ref swapsDone) < behind)
                {
                    spin.SpinOnce();
                }

                var doc = (int)(n * 7919 % documents.Length);
                if (n % 2 == 0)
                {
                    var snapshot = classifier.Current;
                    generations[n] = snapshot.Generation;
                    var report = DiagnosisReportJson.Write(snapshot.Classify(documents[doc]));
                    if (report != expected[SetOf(snapshot.Generation)][doc])
                    {
                        wrong.Enqueue($"call {n}, document {doc}: not the report of generation {snapshot.Generation}");
                    }
                }
                else
                {
                    var before = classifier.Current.Generation;
                    var report = DiagnosisReportJson.Write(classifier.Classify(documents[doc]));
                    var after = classifier.Current.Generation;
                    generations[n] = before;
                    var any = false;
                    for (var g = before; g <= after && !any; g++)
                    {
                        any = report == expected[SetOf(g)][doc];
                    }

                    if (!any)
                    {
                        wrong.Enqueue($"call {n}, document {doc}: matches no generation from {before} to {after}");
                    }
                }

                Interlocked.Increment(ref completed);
            }
        })
        { IsBackground = true }).ToArray();

        swapper.Start();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        swapper.Join();
        clock.Stop();

        var seen = generations.Distinct().Count();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{calls:N0} classifications on {workers.Length} threads, {swaps:N0} swaps, {seen:N0} generations seen, {clock.Elapsed.TotalSeconds:F1} s"));
        Assert.True(wrong.IsEmpty, $"{wrong.Count} wrong reports, first: " + string.Join(Environment.NewLine, wrong.Take(10)));
        Assert.Equal(calls, Interlocked.Read(ref completed));
        Assert.DoesNotContain(0L, generations);
        Assert.Equal(Enumerable.Range(1, swaps + 1).Select(g => (long)g), published);
        Assert.Equal(swaps + 1, classifier.Current.Generation);
        Assert.True(generations.Max() >= swaps, $"the last calls ran with generation {generations.Max()}, before the last swaps");

        // Generation g is the (g - 1)th swap's set; the initial set is generation 1.
        int SetOf(long generation) => (int)((generation - 1) % sets.Length);
    }

    private static int Knob(string name, int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : ciDefault;

    private static RuleSet OverriddenSet(string root, string name, string marker)
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
        ReloadTestKit.WriteRuleFile(directory, "INT402.json", ReloadTestKit.Int402Override(marker));
        return RuleSet.Load(includeBuiltIn: true, [directory]);
    }

    /// <summary>Every INT402 case (the sets differ on them) and generated documents (the sets agree on most).</summary>
    private static SyncEvidence[] SwapDocuments() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Cases, "INT402"), "*.json")
            .Where(f => !f.EndsWith(".verified.json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => SyncEvidenceJson.Read(File.ReadAllBytes(f), f))
            .Concat(Enumerable.Range(0, 40).Select(i => EvidenceGenerators.Evidence.Generate(new PCG(3, PropertyRunner.Seed + (ulong)i), null, out _)))
            .ToArray();
}
