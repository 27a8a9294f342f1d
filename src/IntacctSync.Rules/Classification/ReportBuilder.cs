using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Classification;

/// <summary>
/// Writes findings up as the contract's report: ranked, with facts cited from the evidence, one plan
/// per diagnosis, and the steps that several diagnoses share (Sync Now) kept only in the last of them.
/// </summary>
internal static partial class ReportBuilder
{
    private static readonly IReadOnlyDictionary<string, string> NoSubject = new Dictionary<string, string>();

    /// <summary>The report of evidence with no finding and nothing left unexplained; immutable, so shared.</summary>
    private static readonly DiagnosisReport Empty = new([], []);

    /// <summary>The most diagnoses one report holds (README, "Bounded cost").</summary>
    internal const int MaxDiagnoses = 10_000;

    /// <summary>
    /// The placeholder names a rule's findings may fill, worked out once per rule rather than per
    /// diagnosis. (A field of <see cref="CompiledRule"/> would serve as well; the table keeps the
    /// compiler out of it.)
    /// </summary>
    private static readonly ConditionalWeakTable<CompiledRule, string[]> SubjectNames = [];

    // The names of the placeholders in each rule's message and API error texts: the contract's subject.
    private static readonly ConditionalWeakTable<CompiledRule, string[]> MessageNames = [];

    /// <summary>The report of the findings; <paramref name="found"/> is <c>null</c> when there are none.</summary>
    public static DiagnosisReport Build(List<Finding>? found, EvidenceFacts facts, ref FaultLog faults)
    {
        if (found is null or { Count: 0 } && facts.Evidence.Messages is null or { Count: 0 } && facts.Evidence.ApiErrors is null or { Count: 0 })
        {
            return faults.Faults is null ? Empty : new DiagnosisReport([], [], faults.Faults);
        }

        // One list for the mentions of each finding in turn: sorted, without repeats (see Mentions).
        var mentions = new List<int>();
        var findings = Merge(found ?? [], facts, mentions, ref faults);
        findings.Sort(static (a, b) =>
        {
            var c = a.Certainty.CompareTo(b.Certainty);
            c = c != 0 ? c : a.Rule.Priority.CompareTo(b.Rule.Priority);
            c = c != 0 ? c : string.CompareOrdinal(a.Rule.Code, b.Rule.Code);
            return c != 0 ? c : string.Compare(a.SortKey, b.SortKey, StringComparison.OrdinalIgnoreCase);
        });

        // A report holds at most MaxDiagnoses, best first: beyond that a document (thousands of API errors, each
        // naming its own object) would make a report a hundred times its size. What only the diagnoses left out
        // cited is listed as unexplained, so every message and API error is still accounted for, and the report
        // says so under incomplete.
        string? capped = null;
        if (findings.Count > MaxDiagnoses)
        {
            capped = string.Create(CultureInfo.InvariantCulture,
                $"The report holds the first {MaxDiagnoses:N0} of {findings.Count:N0} diagnoses, best first; the other {findings.Count - MaxDiagnoses:N0} were not written, and the messages and API errors that only they cited are listed under unexplained.");
            findings.RemoveRange(MaxDiagnoses, findings.Count - MaxDiagnoses);
        }

        // Which diagnosis keeps each shared step (the last that needs it) is decided before any text is
        // written, so that only the steps kept are rendered.
        Dictionary<string, int>? lastNeed = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var planned = findings[i].Rule.Steps;
            for (var s = 0; s < planned.Length; s++)
            {
                var step = planned[s];
                if (step.Key is { } key && Planned(findings[i], step))
                {
                    (lastNeed ??= new Dictionary<string, int>(StringComparer.Ordinal))[key] = i;
                }
            }
        }

        var diagnoses = new Diagnosis[findings.Count];
        bool[]? citedMessages = null;
        ApiErrorAccount? apiErrors = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            Mentions(finding, mentions);
            var slots = new FindingSlots(finding, facts);
            var slot = slots.Value;
            var steps = new List<RemediationStep>(finding.Rule.Steps.Length);
            (string? Source, string? Text) lastPath = default;
            for (var s = 0; s < finding.Rule.Steps.Length; s++)
            {
                var step = finding.Rule.Steps[s];
                if (!Planned(finding, step) || (step.Key is { } key && lastNeed![key] != i))
                {
                    continue;
                }

                // Consecutive steps often happen in one place (disable, then re-enable, on one screen):
                // the same template with the same slot renders the same text, so it is rendered once.
                var path = step.Path.Source == lastPath.Source && lastPath.Text is { } same ? same : step.Path.Render(slot);
                lastPath = (step.Path.Source, path);
                var action = step.Action.Render(slot);
                if (!IsRepeat(steps, step.System, path, action))
                {
                    steps.Add(new RemediationStep(steps.Count + 1, step.System, path, action, step.Cause));
                }
            }

            diagnoses[i] = Write(finding, facts, steps, slots, mentions);

            // A message is accounted for by a diagnosis that cites it, not by being recognized: a recognized message
            // whose finding was not reported (another phase's code, a subject its rule does not apply to, a
            // diagnosis left out) is listed under unexplained.
            foreach (var m in mentions)
            {
                if (m >= 0)
                {
                    (citedMessages ??= new bool[facts.Evidence.Messages!.Count])[m] = true;
                }
            }

            if (facts.Evidence.ApiErrors is { Count: > 0 } errors)
            {
                (apiErrors ??= new ApiErrorAccount(errors)).Add(i, finding, diagnoses[i], facts, mentions);
            }
        }

        apiErrors?.Cite(diagnoses, facts);
        facts.ReturnWriter();
        List<string>? incomplete = null;
        if (facts.RecognitionCutShort is { } cutShort)
        {
            (incomplete ??= []).Add(cutShort);
        }

        if (capped is not null)
        {
            (incomplete ??= []).Add(capped);
        }

        return new DiagnosisReport(diagnoses, Unexplained(facts, apiErrors, citedMessages), faults.Faults, incomplete);
    }

    /// <summary>
    /// One diagnosis per problem: findings of one code whose placeholder values are the same and that a message names
    /// alike (two dimensions labelled as the message says; two uncategorized expenses under INT680, whose message names
    /// none) are one problem, reported once at its best certainty.
    /// </summary>
    private static List<Finding> Merge(List<Finding> found, EvidenceFacts facts, List<int> mentions, ref FaultLog faults)
    {
        var ordered = new (Finding Finding, int Found)[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var f = found[i];
            Mentions(f, mentions);
            ordered[i] = (f with { Values = SubjectOf(f, facts, mentions, ref faults), SortKey = f.Rule.Subject.SortKey(f.Subject) }, i);
        }

        if (ordered.Length == 1)
        {
            return [ordered[0].Finding];
        }

        // By certainty, then sort key; ties keep the order found (a stable sort).
        Array.Sort(ordered, static (a, b) =>
        {
            var c = a.Finding.Certainty.CompareTo(b.Finding.Certainty);
            c = c != 0 ? c : string.CompareOrdinal(a.Finding.SortKey, b.Finding.SortKey);
            return c != 0 ? c : a.Found.CompareTo(b.Found);
        });

        // Subjects with the same placeholder values are one problem when a message or API error of the code named one
        // of them (it cannot tell them apart), or when the code's message names no subject at all (INT680's
        // uncategorized expenses). Records that merely share a label, with nothing naming that label, stay two problems:
        // combining them would let what the evidence leaves unknown about one (a gate that no longer rules it out) add a
        // verdict to the other's diagnosis.
        HashSet<Finding>? named = null;
        foreach (var (finding, _) in ordered)
        {
            if (finding.Values.Count > 0 && finding.Rule.Subject.IsMentionedBy(finding.Subject, finding.Rule.Code))
            {
                (named ??= new HashSet<Finding>(SameProblem.Instance)).Add(finding);
            }
        }

        var merged = new List<Finding>(ordered.Length);
        var kept = new Dictionary<Finding, int>(SameProblem.Instance);
        List<Finding>?[]? groups = null;
        foreach (var (finding, _) in ordered)
        {
            if (finding.Values.Count > 0 && named?.Contains(finding) != true)
            {
                merged.Add(finding);
            }
            else if (kept.TryGetValue(finding, out var at))
            {
                groups ??= new List<Finding>?[ordered.Length];
                (groups[at] ??= [merged[at]]).Add(finding);
            }
            else
            {
                kept.Add(finding, merged.Count);
                merged.Add(finding);
            }
        }

        for (var i = 0; groups is not null && i < merged.Count; i++)
        {
            if (groups[i] is { } group)
            {
                merged[i] = Combine(group);
            }
        }

        return merged;
    }

    /// <summary>
    /// One problem found for several subjects (two dimensions labelled alike that one message names): what the
    /// evidence says of each counts. A cause is established when it is for one of them, ruled out only when it is for
    /// all of them, else possible; so learning less about one subject never adds a verdict to the problem.
    /// </summary>
    private static Finding Combine(List<Finding> group)
    {
        var first = group[0];
        var states = new CauseState[first.States.Length];
        for (var c = 0; c < states.Length; c++)
        {
            var established = false;
            var excluded = true;
            foreach (var member in group)
            {
                established |= member.States[c].Verdict == Verdict.Established;
                excluded &= member.States[c].Verdict == Verdict.Excluded;
            }

            states[c] = new CauseState(established ? Verdict.Established : excluded ? Verdict.Excluded : Verdict.Possible, -1);
        }

        return first with { States = states, Members = group };
    }

    /// <summary>Fills <paramref name="into"/> with the finding's mentions under its code, sorted and without repeats.</summary>
    private static void Mentions(Finding finding, List<int> into)
    {
        into.Clear();
        if (finding.Members is { } members)
        {
            foreach (var member in members)
            {
                finding.Rule.Subject.AddMentions(member.Subject, finding.Rule.Code, into);
            }
        }
        else
        {
            finding.Rule.Subject.AddMentions(finding.Subject, finding.Rule.Code, into);
        }

        if (into.Count < 2)
        {
            return;
        }

        into.Sort();
        var kept = 1;
        for (var i = 1; i < into.Count; i++)
        {
            if (into[i] != into[kept - 1])
            {
                into[kept++] = into[i];
            }
        }

        into.RemoveRange(kept, into.Count - kept);
    }

    /// <summary>Findings of one rule with the same placeholder values: one problem.</summary>
    private sealed class SameProblem : IEqualityComparer<Finding>
    {
        public static readonly SameProblem Instance = new();

        public bool Equals(Finding? x, Finding? y)
        {
            if (x!.Rule != y!.Rule || x.Values.Count != y.Values.Count)
            {
                return false;
            }

            foreach (var (key, value) in x.Values)
            {
                if (!y.Values.TryGetValue(key, out var other) || other != value)
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Finding obj)
        {
            // Order-independent over the values, as the equality is.
            var hash = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Rule);
            foreach (var (key, value) in obj.Values)
            {
                hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), StringComparer.Ordinal.GetHashCode(value));
            }

            return hash;
        }
    }

    /// <summary>Whether the finding's plan holds the step: every step but those of causes ruled out, and of causes only a sighting proves (<c>onlyWhenEstablished</c>) unless established.</summary>
    private static bool Planned(Finding finding, CompiledStep step)
    {
        if (step.CauseIndex < 0)
        {
            return true;
        }

        var state = finding.States[step.CauseIndex].Verdict;
        return state != Verdict.Excluded && !finding.Rule.Causes[step.CauseIndex].Unsighted(state);
    }

    /// <summary>Whether the plan already says the same thing in the same system (a plan has a handful of steps).</summary>
    private static bool IsRepeat(List<RemediationStep> steps, StepSystem system, string path, string action)
    {
        foreach (var step in steps)
        {
            if (step.System == system && step.Path == path && step.Action == action)
            {
                return true;
            }
        }

        return false;
    }

    private static Diagnosis Write(Finding finding, EvidenceFacts facts, List<RemediationStep> steps, FindingSlots slots, List<int> mentions)
    {
        var slot = slots.Value;
        var rule = finding.Rule;
        var evidence = MessageFacts(finding, facts, mentions);

        // Sized to what they will hold, so that no list grows (and drops an array) on the way.
        int established = 0, excluded = 0;
        foreach (var state in finding.States)
        {
            established += state.Verdict == Verdict.Established ? 1 : 0;
            excluded += state.Verdict == Verdict.Excluded ? 1 : 0;
        }

        var anyEstablished = established > 0;
        var causes = new List<DiagnosedCause>(anyEstablished ? established : finding.States.Length - excluded);
        var ruledOut = new List<DiagnosedCause>(excluded);
        var missing = new List<MissingEvidence>();
        HashSet<string>? listedFields = null;
        for (var i = 0; i < rule.Causes.Length; i++)
        {
            var cause = rule.Causes[i];
            var state = finding.States[i];
            if (cause.Unsighted(state.Verdict))
            {
                // Only a sighting establishes it: without one it is neither possible nor ruled out.
                continue;
            }

            if (finding.Members is { } members)
            {
                // One problem of several subjects: each member cites what decided its own verdict, and asks for what
                // its own subject still misses. Sets keep both linear in the members (a report may combine thousands).
                var cited = new List<string>();
                var citedSet = new HashSet<string>(StringComparer.Ordinal);
                listedFields ??= [.. missing.Select(m => m.Field)];
                foreach (var member in members)
                {
                    var own = member.States[i];
                    if (own.Verdict == state.Verdict && own.Verdict != Verdict.Possible)
                    {
                        foreach (var fact in Cite(cause, own, member.Subject, facts, new FindingSlots(member, facts)))
                        {
                            if (citedSet.Add(fact))
                            {
                                cited.Add(fact);
                            }
                        }
                    }
                    else if (state.Verdict == Verdict.Possible && own.Verdict == Verdict.Possible)
                    {
                        AddMissing(cause, member, facts, new FindingSlots(member, facts), missing, listedFields);
                    }
                }

                if (state.Verdict == Verdict.Established)
                {
                    causes.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), cited));
                }
                else if (state.Verdict == Verdict.Excluded)
                {
                    ruledOut.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), cited));
                }
                else if (!anyEstablished)
                {
                    causes.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), []));
                }

                continue;
            }

            switch (state.Verdict)
            {
                case Verdict.Established:
                    causes.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), Cite(cause, state, finding.Subject, facts, slots)));
                    break;
                case Verdict.Excluded:
                    ruledOut.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), Cite(cause, state, finding.Subject, facts, slots)));
                    break;
                default:
                    if (!anyEstablished)
                    {
                        causes.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), cause.OnlyWhenEstablished ? Sighting(cause, finding.Subject, facts, slots) : []));
                    }

                    AddMissing(cause, finding, facts, slots, missing);
                    break;
            }
        }

        // The contract's subject holds the placeholders of the code's message (and of its API error texts) only; a
        // value the rule computes for its own texts (INT149's submitter for {person}) fills them without being one.
        // A rule without a message keeps its subjectValues.
        var subject = MessageValues(rule, finding.Values);

        // The fallback has no kind of its own: it is about whichever job failed.
        var kind = rule.Fallback ? (facts.Evidence.Operation == SyncOperation.Export ? ErrorKind.Export : ErrorKind.Sync) : rule.Kind;
        return new Diagnosis(
            rule.Code,
            kind,
            rule.Title,
            MessageOf(rule, subject),
            subject,
            finding.Certainty,
            causes,
            ruledOut,
            steps,
            missing,
            evidence,
            rule.Source);
    }

    /// <summary>The cause's evidence still missing for the finding's subject.</summary>
    /// <param name="cause">The cause.</param>
    /// <param name="finding">The finding (one member of a combined finding).</param>
    /// <param name="facts">The document.</param>
    /// <param name="slots">The finding's placeholder values (<see cref="FindingSlots"/>).</param>
    /// <param name="missing">The diagnosis's missing evidence so far.</param>
    /// <param name="listed">The fields already in <paramref name="missing"/>, when the caller keeps them (a combined finding
    /// of many members would otherwise scan the list once per member); <c>null</c> to scan.</param>
    private static void AddMissing(CompiledCause cause, Finding finding, EvidenceFacts facts, FindingSlots slots, List<MissingEvidence> missing, HashSet<string>? listed = null)
    {
        var slot = slots.Value;
        if (cause.Verdict is { } verdict)
        {
            AddMissing(verdict, finding, facts, slots, missing, listed);
            return;
        }

        for (var j = 0; j < cause.MissingEvidence.Length; j++)
        {
            var m = cause.MissingEvidence[j];
            // A hint: listed unless its condition is known false (an unknown never hides what to collect).
            if (m.When is null || m.When(finding.Subject, facts) != false)
            {
                // Evidence still missing is evidence the document does not hold: a field it holds,
                // or a record its complete list shows is not there, is not asked for.
                var field = m.Path.Render(slots.Key);
                if (!(listed?.Contains(field) ?? Lists(missing, field)) && !m.Path.Holds(facts, slots.Key))
                {
                    missing.Add(new MissingEvidence(field, m.Why.Render(slot)));
                    listed?.Add(field);
                }
            }
        }
    }

    private static IReadOnlyDictionary<string, string> MessageValues(CompiledRule rule, IReadOnlyDictionary<string, string> values)
    {
        if (rule.MessageTemplate is null)
        {
            // A rule without a message (a host's own check) has only its subjectValues to say what it is about.
            return values;
        }

        var names = MessageNames.GetValue(rule, static r => [.. r.Placeholders.Values.Concat(r.ApiPatterns.SelectMany(p => p.Names)).Distinct()]);
        foreach (var key in values.Keys)
        {
            if (Array.IndexOf(names, key) < 0)
            {
                return values.Where(v => Array.IndexOf(names, v.Key) >= 0).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            }
        }

        return values;
    }

    /// <summary>
    /// The placeholder values: what a message of this code said (the message wins), else the rule's own
    /// expression for the value, else what the subject itself knows.
    /// </summary>
    /// <param name="finding">The finding.</param>
    /// <param name="facts">The document.</param>
    /// <param name="mentions">The finding's mentions, sorted (<see cref="Mentions"/>).</param>
    /// <param name="faults">Where a rule's value expression that fails is recorded (the value is then left out).</param>
    private static IReadOnlyDictionary<string, string> SubjectOf(Finding finding, EvidenceFacts facts, List<int> mentions, ref FaultLog faults)
    {
        var rule = finding.Rule;
        Dictionary<string, string>? subject = null;
        var names = SubjectNames.GetValue(rule, static r =>
            [.. r.Placeholders.Values.Concat(r.SubjectValues.Keys).Concat(r.ApiPatterns.SelectMany(p => p.Names)).Distinct()]);
        var own = rule.Subject.OwnValues(finding.Subject, rule.Code);
        foreach (var name in names)
        {
            var value = (own?.GetValueOrDefault(name) is { } mine && !string.IsNullOrWhiteSpace(mine) ? mine : null)
                ?? MentionedValue(rule.Code, name, facts, mentions)
                ?? (rule.SubjectValues.TryGetValue(name, out var read) ? Read(read, finding, facts, ref faults) : null)
                ?? rule.Subject.SubjectValue(finding.Subject, name);
            if (!string.IsNullOrWhiteSpace(value) && !IsStandIn(name, value))
            {
                (subject ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
            }
        }

        return subject ?? NoSubject;
    }

    private static string? Read(ValueOf read, Finding finding, EvidenceFacts facts, ref FaultLog faults)
    {
        try
        {
            return read(finding.Subject, facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            faults.Add(finding.Rule, finding.Subject, ex);
            return null;
        }
    }

    /// <summary>The first non-blank value of <paramref name="name"/> that a match naming the subject carried.</summary>
    private static string? MentionedValue(string code, string name, EvidenceFacts facts, List<int> mentions)
    {
        // In the order of the document's matches: messages first, then API errors, each in evidence order. The
        // mentions are sorted, so messages (0, 1, ...) follow API errors (..., -2, -1), which read backwards.
        var firstMessage = 0;
        while (firstMessage < mentions.Count && mentions[firstMessage] < 0)
        {
            firstMessage++;
        }

        for (var m = firstMessage; m < mentions.Count; m++)
        {
            if (ValueOf(facts.MatchAt(mentions[m], code), code, name) is { } value)
            {
                return value;
            }
        }

        for (var m = firstMessage - 1; m >= 0; m--)
        {
            if (ValueOf(facts.MatchAt(mentions[m], code), code, name) is { } value)
            {
                return value;
            }
        }

        return null;

        static string? ValueOf(MessageMatch? match, string code, string name) =>
            match is not null && match.Code == code && match.Values.GetValueOrDefault(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    /// <summary>Whether the missing evidence already names the field (a diagnosis lists a few).</summary>
    private static bool Lists(List<MissingEvidence> missing, string field)
    {
        foreach (var m in missing)
        {
            if (m.Field == field)
            {
                return true;
            }
        }

        return false;
    }

    private static string MessageOf(CompiledRule rule, IReadOnlyDictionary<string, string> subject)
    {
        var message = rule.MessageTemplate ?? rule.Title;
        foreach (var (token, name) in rule.Placeholders)
        {
            if (subject.TryGetValue(name, out var value))
            {
                message = message.Replace(token, value, StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <summary>
    /// Format 2: the facts a possible cause's condition left unknown, those the rule says why to collect, in the order of its
    /// <c>why</c>: a fact is asked for when an atom of the condition that reads it is unknown and the evidence lacks it.
    /// </summary>
    private static void AddMissing(CompiledVerdict verdict, Finding finding, EvidenceFacts facts, FindingSlots slots, List<MissingEvidence> missing, HashSet<string>? listed)
    {
        var slot = slots.Value;
        if (verdict.Why.Length == 0)
        {
            return;
        }

        var open = slots.Atoms();
        if (verdict.EstablishedOnlyIfTree is null || verdict.When(finding.Subject, facts) is null)
        {
            verdict.Tree.Unknown(finding.Subject, facts, open);
        }

        if (verdict.EstablishedOnlyIfTree is { } only && only.Evaluate(finding.Subject, facts) is null)
        {
            // The cause could be established once this is known too (a false one can only keep it possible).
            only.Unknown(finding.Subject, facts, open);
        }

        foreach (var (path, why) in verdict.Why)
        {
            if (!(Reads(open, path) && Fillable(path, finding, slot)) && !SelectsUnfilled(open, path, finding, slot) && !(Asked(verdict, path, finding, facts) && Fillable(path, finding, slot)))
            {
                continue;
            }

            var field = path.Render(slots.Key);
            if (!(listed?.Contains(field) ?? Lists(missing, field)) && !path.Holds(facts, slots.Key))
            {
                missing.Add(new MissingEvidence(field, why.Render(slot)));
                listed?.Add(field);
            }
        }

        // A fact that selects its record by a subject value the finding does not have (INT009's manager flag on the
        // employee found by {person}, the submitter's email, while that email is unknown) names no record: asking for
        // it would print the placeholder. The fact that selects the record is asked for instead, when a part reads it.
        static bool Fillable(FactPath path, Finding finding, Func<string, string> slot)
        {
            foreach (var name in path.Template.SlotNames)
            {
                if (RuleCompiler.ContractSubjectNames.Contains(name) && !finding.Rule.Subject.TemplateNames.Contains(name) && string.IsNullOrEmpty(finding.Values.GetValueOrDefault(name)))
                {
                    return false;
                }
            }

            return Filled(path, slot);
        }

        // A list (intacct.vendors) with a why is asked for when an unknown part reads a record of it that the finding
        // cannot name (intacct.vendors[{vendor}].onHold with no vendor known): the list is what would name it.
        static bool SelectsUnfilled(List<VerdictAtom> atoms, FactPath list, Finding finding, Func<string, string> slot)
        {
            foreach (var atom in atoms)
            {
                foreach (var read in atom.Reads)
                {
                    if (RuleCompiler.SelectsFrom(read.Template.Source, list.Template.Source) && !Fillable(read, finding, slot))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // A fact the cause's ask names, unless that entry's condition is false.
        static bool Asked(CompiledVerdict verdict, FactPath path, Finding finding, EvidenceFacts facts)
        {
            foreach (var (asked, when) in verdict.Ask)
            {
                if (string.Equals(asked.Template.Source, path.Template.Source, StringComparison.Ordinal) && (when is null || when(finding.Subject, facts) != false))
                {
                    return true;
                }
            }

            return false;
        }

        static bool Reads(List<VerdictAtom> atoms, FactPath path)
        {
            foreach (var atom in atoms)
            {
                foreach (var read in atom.Reads)
                {
                    if (string.Equals(read.Template.Source, path.Template.Source, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The facts that decided a cause's verdict: format 1, those its deciding condition lists; format 2, the known facts
    /// read by the atoms of its condition that decided it (<see cref="VerdictNode.Deciding"/>).
    /// </summary>
    private static List<string> Cite(CompiledCause cause, CauseState state, object subject, EvidenceFacts facts, FindingSlots slots)
    {
        if (cause.Verdict is not { } verdict)
        {
            return Cite((state.Verdict == Verdict.Established ? cause.EstablishedWhen : cause.ExcludedWhen)[state.Condition], facts, slots.Value);
        }

        var deciding = slots.Atoms();
        verdict.Tree.Deciding(subject, facts, state.Verdict == Verdict.Established, deciding);
        if (state.Verdict == Verdict.Established)
        {
            // What had to be true as well is part of the proof; it never rules out, so a ruled-out cause cites only its when.
            verdict.EstablishedOnlyIfTree?.Deciding(subject, facts, value: true, deciding);
        }

        var cited = new List<string>();
        CiteReads(deciding, facts, slots, cited);

        if (state.Verdict == Verdict.Established)
        {
            // The context the proof rests on, where the evidence holds it (cite).
            foreach (var path in verdict.Cite)
            {
                if (slots.Cite(path) is { } fact && !cited.Contains(fact))
                {
                    cited.Add(fact);
                }
            }
        }

        return cited;
    }

    /// <summary>
    /// What a possible cause that only a sighting proves (<c>onlyWhenEstablished</c>) has seen: the known facts its unknown
    /// condition reads (the refusal an API error made, while the job it belongs to is unknown). The sighting is why the cause
    /// is listed at all, so it is cited; what is unknown is asked for. Format 1 lists no such cause as possible.
    /// </summary>
    private static List<string> Sighting(CompiledCause cause, object subject, EvidenceFacts facts, FindingSlots slots)
    {
        var cited = new List<string>();
        if (cause.Verdict is not { } verdict)
        {
            return cited;
        }

        var open = slots.Atoms();
        verdict.Tree.Unknown(subject, facts, open);
        CiteReads(open, facts, slots, cited);
        return cited;
    }

    /// <summary>Adds the known facts the atoms read, once each: not a fact whose record the finding cannot name, nor an empty API error text.</summary>
    private static void CiteReads(List<VerdictAtom> atoms, EvidenceFacts facts, FindingSlots slots, List<string> cited)
    {
        foreach (var atom in atoms)
        {
            foreach (var read in atom.Reads)
            {
                if (!NamesNoApiError(read, facts) && slots.Cite(read, listedOnly: read.IsApiErrorText) is { } fact && !cited.Contains(fact) && !IsEmptyApiErrorText(fact))
                {
                    cited.Add(fact);
                }
            }
        }
    }

    /// <summary>
    /// Whether every placeholder of a fact's path has a value for the finding: a subject value the finding lacks renders
    /// as <c>[name]</c> (a line only a message named has no <c>[expense]</c> id), and a fact selected by it names no
    /// record, so it is neither cited (it would read <c>... = not listed</c>) nor asked for.
    /// </summary>
    internal static bool Filled(FactPath path, Func<string, string> slot)
    {
        foreach (var name in path.Template.SlotNames)
        {
            if (slot(name) is not { Length: > 0 } value || IsStandIn(name, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a value is what a slot renders for a value the finding lacks: <c>[name]</c> for a subject value, or a subject
    /// kind's own stand-in (<c>[expense]</c> for a line only a message named).
    /// Matched exactly: a real key or name may start with a bracket (<c>[‘</c>, <c>[ ]</c>, a dimension labelled <c>[Fund]</c>).
    /// </summary>
    private static bool IsStandIn(string name, string value) =>
        value.Length > 2 && value[0] == '[' && value[^1] == ']'
        && (value.AsSpan(1, value.Length - 2).SequenceEqual(name)
            || value is "[expense]" or "[dimension]" or "[tag]" or "[module]" or "[object]");

    /// <summary>
    /// Whether a fact reads the API error of a kind (<c>apiErrors[{senderIdError}].description2</c>) that the document does
    /// not have: a sighting that decided by being false (no such error was seen) read no error, so it cites none.
    /// </summary>
    private static bool NamesNoApiError(FactPath read, EvidenceFacts facts)
    {
        foreach (var name in read.Template.SlotNames)
        {
            if (EvidenceFacts.ApiErrorKinds.Contains(name) && !facts.HasApiErrorOf(name))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Cite(CompiledCondition condition, EvidenceFacts facts, Func<string, string> slot)
    {
        var cited = new List<string>(condition.Facts.Length);
        for (var i = 0; i < condition.Facts.Length; i++)
        {
            if (condition.Facts[i].Cite(facts, slot) is { } fact && !cited.Contains(fact) && !IsEmptyApiErrorText(fact))
            {
                cited.Add(fact);
            }
        }

        return cited;
    }

    /// <summary>
    /// Whether a fact is an API error's text field left empty (<c>apiErrors[...].description = ""</c>) or of an error
    /// the evidence does not hold (<c>= not listed</c>: a dimension's <c>{notFoundError}</c> when no error said its object
    /// was not found): a rule lists the texts its verdict may have read (an error's detail is in <c>description2</c> or
    /// <c>description</c>), and only a text that holds something is what it read.
    /// </summary>
    private static bool IsEmptyApiErrorText(string fact) =>
        fact.StartsWith("apiErrors[", StringComparison.Ordinal)
        && (IsText(fact, "\"\"") || IsText(fact, FactResolver.NotListed));

    private static bool IsText(string fact, string value) =>
        fact.EndsWith(value, StringComparison.Ordinal)
        && (fact.EndsWith(".description = " + value, StringComparison.Ordinal)
            || fact.EndsWith(".description2 = " + value, StringComparison.Ordinal)
            || fact.EndsWith(".correction = " + value, StringComparison.Ordinal));

    /// <summary>The messages of this code that named the subject, as facts.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="facts">The document.</param>
    /// <param name="mentions">The finding's mentions, sorted (<see cref="Mentions"/>).</param>
    private static List<string> MessageFacts(Finding finding, EvidenceFacts facts, List<int> mentions)
    {
        var cited = new List<string>();
        if (facts.Evidence.Messages is { } messages)
        {
            foreach (var i in mentions)
            {
                if (i >= 0)
                {
                    cited.Add(facts.Writer.Format(string.Create(CultureInfo.InvariantCulture, $"messages[{i}]"), messages[i], typeof(string)));
                }
            }
        }

        AddApiErrorFacts(finding, facts, mentions, cited);
        return cited;
    }

    private static List<string> Unexplained(EvidenceFacts facts, ApiErrorAccount? apiErrors, bool[]? citedMessages)
    {
        var unexplained = new List<string>();
        var messages = facts.Evidence.Messages;
        for (var i = 0; i < (messages?.Count ?? 0); i++)
        {
            if (citedMessages?[i] != true && !string.IsNullOrWhiteSpace(messages![i]))
            {
                unexplained.Add(messages[i]);
            }
        }

        var errors = facts.Evidence.ApiErrors;
        for (var i = 0; i < (errors?.Count ?? 0); i++)
        {
            if (apiErrors?.IsCited(i) != true)
            {
                unexplained.Add(Describe(errors![i]));
            }
        }

        return unexplained;
    }

    /// <summary>An API error as <c>errorNo: description description2 correction</c>, without its Support ID.</summary>
    internal static string Describe(ApiError error)
    {
        var text = new StringBuilder();
        foreach (var part in new[] { error.Description, error.Description2, error.Correction })
        {
            if (!string.IsNullOrWhiteSpace(part))
            {
                var clean = SupportId().Replace(part, string.Empty).Trim();
                if (clean.Length > 0)
                {
                    text.Append(text.Length > 0 ? " " : string.Empty).Append(clean);
                }
            }
        }

        var body = text.ToString();
        return string.IsNullOrWhiteSpace(error.ErrorNo) ? body : $"{error.ErrorNo}: {body}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\[Support\s*ID:[^\]]*\]|\s*Support(?:%20|\s)ID(?:%3A|:)\S*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SupportId();
}
