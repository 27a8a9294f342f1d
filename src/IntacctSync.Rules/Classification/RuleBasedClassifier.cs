using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Classification;

/// <summary>
/// The classifier: runs a compiled <see cref="RuleSet"/> over each subject of a document. Holds no
/// per-call state, so one instance serves every thread.
/// </summary>
internal sealed class RuleBasedClassifier : ISyncErrorClassifier
{
    private readonly RuleSet _rules;
    private readonly TimeProvider _time;

    public RuleBasedClassifier(RuleSet rules, TimeProvider time)
    {
        _rules = rules;
        _time = time;
    }

    public DiagnosisReport Classify(SyncEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var facts = new EvidenceFacts(evidence, _time)
        {
            Matches = [.. _rules.Recognizer.Recognize(evidence.Messages), .. _rules.ApiRecognizer.Recognize(evidence.ApiErrors)],
        };

        var found = new List<Finding>();
        foreach (var (kind, rules) in _rules.PlanFor(evidence.Operation))
        {
            // Only kinds that a rule for this job uses are built.
            var subjects = kind.Build(facts, facts.Matches);
            foreach (var rule in rules)
            {
                foreach (var subject in subjects)
                {
                    if (Evaluate(rule, subject, facts) is { } finding)
                    {
                        found.Add(finding);
                    }
                }
            }
        }

        if (found.Count == 0 && facts.Failed)
        {
            foreach (var rule in _rules.Fallbacks)
            {
                if (Evaluate(rule, facts, facts) is { } finding)
                {
                    found.Add(finding with { Certainty = Certainty.Possible });
                }
            }
        }

        return ReportBuilder.Build(found, facts);
    }

    /// <summary>Three-valued: a cause is established, excluded, or (neither proven) still possible.</summary>
    private static Finding? Evaluate(CompiledRule rule, object subject, EvidenceFacts facts)
    {
        if (rule.AppliesWhen is { } applies && !applies(subject, facts))
        {
            return null;
        }

        // Most subjects are healthy and discarded: their verdicts stay on the stack.
        var count = rule.Causes.Count;
        Span<CauseState> states = count <= 16 ? stackalloc CauseState[count] : new CauseState[count];
        var anyEstablished = false;
        var anyOpen = false;
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = Assess(rule.Causes[i], subject, facts);
            anyEstablished |= states[i].Verdict == Verdict.Established;
            anyOpen |= states[i].Verdict == Verdict.Possible;
        }

        Certainty certainty;
        if (anyEstablished)
        {
            certainty = Certainty.Confirmed;
        }
        else if (AnyNotWhen(rule, subject, facts))
        {
            return null;
        }
        else if (rule.Subject.IsMentionedBy(subject, rule.Code))
        {
            certainty = Certainty.Likely;
        }
        else if (facts.Failed && (anyOpen || rule.Causes.Count == 0) && (rule.IndicatedWhen?.Invoke(subject, facts) ?? rule.Fallback))
        {
            certainty = Certainty.Possible;
        }
        else
        {
            return null;
        }

        return new Finding(rule, subject, certainty, states.ToArray());
    }

    private static bool AnyNotWhen(CompiledRule rule, object subject, EvidenceFacts facts)
    {
        for (var i = 0; i < rule.NotWhen.Count; i++)
        {
            if (rule.NotWhen[i].When(subject, facts))
            {
                return true;
            }
        }

        return false;
    }

    private static CauseState Assess(CompiledCause cause, object subject, EvidenceFacts facts)
    {
        for (var i = 0; i < cause.EstablishedWhen.Count; i++)
        {
            if (cause.EstablishedWhen[i].When(subject, facts))
            {
                return new CauseState(Verdict.Established, i);
            }
        }

        for (var i = 0; i < cause.ExcludedWhen.Count; i++)
        {
            if (cause.ExcludedWhen[i].When(subject, facts))
            {
                return new CauseState(Verdict.Excluded, i);
            }
        }

        return new CauseState(Verdict.Possible, -1);
    }
}

internal enum Verdict
{
    Possible,
    Established,
    Excluded,
}

/// <summary>A cause's verdict and the condition that decided it.</summary>
internal readonly record struct CauseState(Verdict Verdict, int Condition);

/// <summary>A rule that fired for a subject, before it is written up as a diagnosis.</summary>
internal sealed record Finding(CompiledRule Rule, object Subject, Certainty Certainty, CauseState[] States)
{
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    /// <summary>The contract's placeholder values (<c>subject</c>), filled when the report is written.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = NoValues;

    /// <summary>The subject's sort key, worked out once when the report is written.</summary>
    public string SortKey { get; init; } = string.Empty;
}
