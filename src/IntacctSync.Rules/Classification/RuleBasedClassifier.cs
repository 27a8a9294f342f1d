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

    /// <summary>How long one document's messages and API errors may take to recognize (<see cref="Rules.RecognitionBudget"/>).</summary>
    internal TimeSpan RecognitionBudget { get; init; } = Rules.RecognitionBudget.Default;

    public DiagnosisReport Classify(SyncEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var facts = Facts(_rules, evidence, _time, RecognitionBudget);

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
    internal static EvidenceFacts Facts(RuleSet rules, SyncEvidence evidence, TimeProvider time, TimeSpan? recognitionBudget = null)
    {
        // One budget for all of the document's texts (see RecognitionBudget); nothing is allocated for it
        // when there is nothing to recognize.
        var budget = evidence.Messages is { Count: > 0 } || evidence.ApiErrors is { Count: > 0 } ? new RecognitionBudget(recognitionBudget ?? Rules.RecognitionBudget.Default) : null;
        return new(evidence, time)
        {
            Matches = Join(rules.Recognizer.Recognize(evidence.Messages, budget), rules.ApiRecognizer.Recognize(evidence.ApiErrors, budget)),
            RecognitionCutShort = budget?.Describe(),
        };
    }

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

        // Most subjects are healthy and discarded: their verdicts stay on the stack. A cause's exclusions
        // matter only for a finding that is reported, so they are read only once the finding is known to be
        // (established, mentioned, or possible with an open cause); for a healthy subject that is never.
        var count = rule.Causes.Length;
        Span<CauseState> states = count <= 16 ? stackalloc CauseState[count] : new CauseState[count];
        var anyEstablished = false;
        for (var i = 0; i < states.Length; i++)
        {
            states[i] = Establish(rule.Causes[i], subject, facts);
            anyEstablished |= states[i].Verdict == Verdict.Established;
        }

        // A notWhen silences a code that other evidence explains, but never a message of the code that was seen: that
        // finding is reported as the evidence stands (the contract accounts for every message), ranked as any other.
        Certainty certainty;
        var mentioned = rule.Subject.IsMentionedBy(subject, rule.Code);
        if (!mentioned && AnyNotWhen(rule, subject, facts, established: anyEstablished))
        {
            return null;
        }
        else if (anyEstablished)
        {
            certainty = Certainty.Confirmed;
        }
        else if (mentioned)
        {
            certainty = Certainty.Likely;
        }
        else if (facts.Failed && (rule.IndicatedWhen is { } indicated ? indicated(subject, facts) == true : rule.Fallback))
        {
            // Possible only while some cause is open (or the rule has none).
            Exclude(rule, states, subject, facts);
            if (rule.Causes.Length > 0 && !AnyOpen(rule, states))
            {
                return null;
            }

            return new Finding(rule, subject, Certainty.Possible, states.ToArray());
        }
        else
        {
            return null;
        }

        Exclude(rule, states, subject, facts);
        return new Finding(rule, subject, certainty, states.ToArray());
    }

    /// <summary>Whether one of the cause's <c>establishedWhen</c> conditions holds; otherwise still possible.</summary>
    private static CauseState Establish(CompiledCause cause, object subject, EvidenceFacts facts)
    {
        if (cause.Verdict is { } verdict)
        {
            // Format 2: one condition decides both ways, so a false one rules the cause out here already.
            return verdict.When(subject, facts) switch
            {
                true when verdict.EstablishedOnlyIf is { } only && only(subject, facts) != true => new CauseState(Verdict.Possible, -1),
                true => new CauseState(Verdict.Established, 0),
                false => new CauseState(Verdict.Excluded, 0),
                null => new CauseState(Verdict.Possible, -1),
            };
        }

        for (var i = 0; i < cause.EstablishedWhen.Length; i++)
        {
            if (cause.EstablishedWhen[i].When(subject, facts) == true)
            {
                return new CauseState(Verdict.Established, i);
            }
        }

        return new CauseState(Verdict.Possible, -1);
    }

    /// <summary>Whether a cause is still open; one that only a sighting establishes (<c>onlyWhenEstablished</c>) is only while its condition is unknown (format 2).</summary>
    private static bool AnyOpen(CompiledRule rule, ReadOnlySpan<CauseState> states)
    {
        for (var i = 0; i < states.Length; i++)
        {
            if (states[i].Verdict == Verdict.Possible && !rule.Causes[i].Unsighted(Verdict.Possible))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rules out each cause that is not established and whose <c>excludedWhen</c> holds.</summary>
    private static void Exclude(CompiledRule rule, Span<CauseState> states, object subject, EvidenceFacts facts)
    {
        for (var c = 0; c < states.Length; c++)
        {
            if (states[c].Verdict != Verdict.Possible)
            {
                continue;
            }

            var excluded = rule.Causes[c].ExcludedWhen;
            for (var i = 0; i < excluded.Length; i++)
            {
                if (excluded[i].When(subject, facts) == true)
                {
                    states[c] = new CauseState(Verdict.Excluded, i);
                    break;
                }
            }
        }
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

    /// <summary>
    /// When findings of several subjects are one problem (two dimensions labelled alike, named by one message), all of
    /// them, this one's original first; its <see cref="States"/> are then their union. <c>null</c> for one subject.
    /// </summary>
    public IReadOnlyList<Finding>? Members { get; init; }

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
