using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Hosting;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntacctSync.Rules.Classification;

/// <summary>
/// The classifier: runs a compiled <see cref="RuleSet"/> over each subject of a document. Holds no
/// per-call state, so one instance serves every thread. A rule that fails for one subject (a custom rule's
/// expression throwing) loses only its finding for that subject: the report lists it under <c>faults</c>,
/// the event is logged, and <see cref="Classify"/> does not throw.
/// </summary>
internal sealed class RuleBasedClassifier : ISyncErrorClassifier
{
    private readonly RuleSet _rules;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RuleBasedClassifier(RuleSet rules, TimeProvider time, ILogger? logger = null)
    {
        _rules = rules;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    public DiagnosisReport Classify(SyncEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var facts = Facts(_rules, evidence, _time);

        // Indexed loops over the read-only lists throughout: a foreach over an interface allocates an
        // enumerator, and these loops run once per rule and subject for every document, healthy or not.
        List<Finding>? found = null;
        var faults = new FaultLog(_logger);  // a struct: nothing is allocated unless a rule fails
        var plan = _rules.PlanFor(evidence.Operation);
        for (var k = 0; k < plan.Count; k++)
        {
            // Only kinds that a rule for this job uses are built.
            var (kind, rules) = plan[k];
            var subjects = kind.Build(facts, facts.Matches);
            foreach (var rule in rules)
            {
                for (var s = 0; s < subjects.Count; s++)
                {
                    if (Contained(rule, subjects[s], facts, ref faults) is { } finding)
                    {
                        (found ??= []).Add(finding);
                    }
                }
            }
        }

        if (found is null && facts.Failed)
        {
            for (var i = 0; i < _rules.Fallbacks.Count; i++)
            {
                if (Contained(_rules.Fallbacks[i], facts, facts, ref faults) is { } finding)
                {
                    (found ??= []).Add(finding with { Certainty = Certainty.Possible });
                }
            }
        }

        return ReportBuilder.Build(found, facts, ref faults);
    }

    /// <summary><see cref="Evaluate"/>, with a failure of the rule for this subject recorded instead of thrown.</summary>
    private static Finding? Contained(CompiledRule rule, object subject, EvidenceFacts facts, ref FaultLog faults)
    {
        try
        {
            return Evaluate(rule, subject, facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            faults.Add(rule, subject, ex);
            return null;
        }
    }

    /// <summary>A document's facts, with the messages and API errors <paramref name="rules"/> recognize in it.</summary>
    internal static EvidenceFacts Facts(RuleSet rules, SyncEvidence evidence, TimeProvider time) =>
        new(evidence, time)
        {
            Matches = Join(rules.Recognizer.Recognize(evidence.Messages), rules.ApiRecognizer.Recognize(evidence.ApiErrors)),
        };

    private static MessageMatch[] Join(IReadOnlyList<MessageMatch> messages, IReadOnlyList<MessageMatch> apiErrors)
    {
        if (messages.Count + apiErrors.Count == 0)
        {
            return [];
        }

        var all = new MessageMatch[messages.Count + apiErrors.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            all[i] = messages[i];
        }

        for (var i = 0; i < apiErrors.Count; i++)
        {
            all[messages.Count + i] = apiErrors[i];
        }

        return all;
    }

    /// <summary>Three-valued: a cause is established, excluded, or (neither proven) still possible.</summary>
    private static Finding? Evaluate(CompiledRule rule, object subject, EvidenceFacts facts)
    {
        // Gates: an unknown appliesWhen does not hide the subject; an unknown notWhen does not
        // silence the code; an unknown indicatedWhen points nowhere.
        if (rule.AppliesWhen is { } applies && applies(subject, facts) == false)
        {
            return null;
        }

        // Most subjects are healthy and discarded: their verdicts stay on the stack.
        var count = rule.Causes.Length;
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
        if (AnyNotWhen(rule, subject, facts, established: anyEstablished))
        {
            return null;
        }
        else if (anyEstablished)
        {
            certainty = Certainty.Confirmed;
        }
        else if (rule.Subject.IsMentionedBy(subject, rule.Code))
        {
            certainty = Certainty.Likely;
        }
        else if (facts.Failed && (anyOpen || rule.Causes.Length == 0) && (rule.IndicatedWhen is { } indicated ? indicated(subject, facts) == true : rule.Fallback))
        {
            certainty = Certainty.Possible;
        }
        else
        {
            return null;
        }

        return new Finding(rule, subject, certainty, states.ToArray());
    }

    /// <summary>Whether a <c>notWhen</c> entry hides the finding: any entry while no cause is established, else only those marked <c>evenWhenEstablished</c>.</summary>
    private static bool AnyNotWhen(CompiledRule rule, object subject, EvidenceFacts facts, bool established)
    {
        for (var i = 0; i < rule.NotWhen.Length; i++)
        {
            if ((!established || rule.NotWhen[i].EvenWhenEstablished) && rule.NotWhen[i].When(subject, facts) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static CauseState Assess(CompiledCause cause, object subject, EvidenceFacts facts)
    {
        for (var i = 0; i < cause.EstablishedWhen.Length; i++)
        {
            if (cause.EstablishedWhen[i].When(subject, facts) == true)
            {
                return new CauseState(Verdict.Established, i);
            }
        }

        for (var i = 0; i < cause.ExcludedWhen.Length; i++)
        {
            if (cause.ExcludedWhen[i].When(subject, facts) == true)
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

/// <summary>The rules that failed during one classification: recorded for the report and logged as they happen.</summary>
internal struct FaultLog(ILogger logger)
{
    /// <summary>The failures so far; <c>null</c> while there are none.</summary>
    public List<RuleFault>? Faults { get; private set; }

    /// <summary>Records that <paramref name="rule"/> failed for <paramref name="subject"/>, on one line, and logs it.</summary>
    public void Add(CompiledRule rule, object subject, Exception ex)
    {
        var key = rule.Subject.SortKey(subject);
        var described = string.IsNullOrEmpty(key) ? rule.Subject.Name : rule.Subject.Name + " " + key;
        var message = string.Join(' ', ex.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        (Faults ??= []).Add(new RuleFault(rule.Source, described, $"{rule.Code}: {ex.GetType().Name}: {message}"));
        Log.RuleFaulted(logger, ex, rule.Source, described);
    }
}
