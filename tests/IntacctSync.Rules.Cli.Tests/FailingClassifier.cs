using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary>The real classifier, except that it throws for the evidence <c>failsOn</c> picks: a bug on demand.</summary>
internal sealed class FailingClassifier(Func<SyncEvidence, bool> failsOn, Func<Exception> exception) : ISyncErrorClassifier
{
    private static readonly Lazy<ISyncErrorClassifier> Real = new(() => SyncErrorClassifier.Create());

    private int _calls;

    /// <summary>The classifier it stands in front of: the built-in catalog unless <see cref="Run"/> builds one from the command's options.</summary>
    private ISyncErrorClassifier? Inner { get; set; }

    /// <summary>How many documents it was asked to classify.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public DiagnosisReport Classify(SyncEvidence evidence)
    {
        Interlocked.Increment(ref _calls);
        return failsOn(evidence) ? throw exception() : (Inner ?? Real.Value).Classify(evidence);
    }

    /// <summary>What a rule or the classifier throws when one document needs more memory than there is.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2201:Do not raise reserved exception types", Justification = "The test stands in for the runtime, which throws it.")]
    public static Exception OutOfMemory(string? message = null) => message is null ? new OutOfMemoryException() : new OutOfMemoryException(message);

    /// <summary><c>intacct-sync</c> with <paramref name="classifier"/> in front of the classifier the command builds (its <c>--rules</c>, its clock).</summary>
    public static (int Code, string Stdout, string Stderr) Run(FailingClassifier classifier, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(), stdout, stderr, outputRedirected: true, classifiers: (options, time) =>
        {
            classifier.Inner = SyncErrorClassifier.Create(options, time);
            return classifier;
        });
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary><c>intacct-sync</c> with a classifier factory that fails itself.</summary>
    public static (int Code, string Stdout, string Stderr) RunWithFactory(ClassifierFactory factory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(), stdout, stderr, outputRedirected: true, classifiers: factory);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
