using System.Globalization;
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

    /// <summary>The report of the findings; <paramref name="found"/> is <c>null</c> when there are none.</summary>
    public static DiagnosisReport Build(List<Finding>? found, EvidenceFacts facts)
    {
        if (found is null or { Count: 0 } && facts.Evidence.Messages is null or { Count: 0 } && facts.Evidence.ApiErrors is null or { Count: 0 })
        {
            return Empty;
        }

        var findings = Merge(found ?? [], facts);
        findings.Sort(static (a, b) =>
        {
            var c = a.Certainty.CompareTo(b.Certainty);
            c = c != 0 ? c : a.Rule.Priority.CompareTo(b.Rule.Priority);
            c = c != 0 ? c : string.CompareOrdinal(a.Rule.Code, b.Rule.Code);
            return c != 0 ? c : string.Compare(a.SortKey, b.SortKey, StringComparison.OrdinalIgnoreCase);
        });

        // Which diagnosis keeps each shared step (the last that needs it) is decided before any text is
        // written, so that only the steps kept are rendered.
        Dictionary<string, int>? lastNeed = null;
        for (var i = 0; i < findings.Count; i++)
        {
            foreach (var step in findings[i].Rule.Steps)
            {
                if (step.Key is { } key && Planned(findings[i], step))
                {
                    (lastNeed ??= new Dictionary<string, int>(StringComparer.Ordinal))[key] = i;
                }
            }
        }

        var diagnoses = new Diagnosis[findings.Count];
        var explained = new HashSet<ApiError>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var slot = Slot(finding, facts);
            var steps = new List<RemediationStep>(finding.Rule.Steps.Count);
            foreach (var step in finding.Rule.Steps)
            {
                if (!Planned(finding, step) || (step.Key is { } key && lastNeed![key] != i))
                {
                    continue;
                }

                var path = step.Path.Render(slot);
                var action = step.Action.Render(slot);
                if (!IsRepeat(steps, step.System, path, action))
                {
                    steps.Add(new RemediationStep(steps.Count + 1, step.System, path, action, step.Cause));
                }
            }

            diagnoses[i] = Write(finding, facts, steps, slot);
            if (findings[i].Certainty != Certainty.Possible)
            {
                explained.UnionWith(findings[i].Rule.Subject.ApiErrors(findings[i].Subject));
                explained.UnionWith(RecognizedApiErrors(findings[i], facts));
            }
        }

        return new DiagnosisReport(diagnoses, Unexplained(facts, explained));
    }

    /// <summary>
    /// One diagnosis per code and subject: findings of one code whose placeholder values are the same
    /// (two uncategorized expenses under INT680, say) are one problem, reported once at its best certainty.
    /// </summary>
    private static List<Finding> Merge(List<Finding> found, EvidenceFacts facts)
    {
        var merged = new List<Finding>(found.Count);
        var ordered = found.Select(f => f with { Values = SubjectOf(f, facts), SortKey = f.Rule.Subject.SortKey(f.Subject) })
            .OrderBy(f => f.Certainty)
            .ThenBy(f => f.SortKey, StringComparer.Ordinal);
        var seen = new HashSet<Finding>(SameProblem.Instance);
        foreach (var finding in ordered)
        {
            if (seen.Add(finding))
            {
                merged.Add(finding);
            }
        }

        return merged;
    }

    /// <summary>Findings of one rule with the same placeholder values: one problem.</summary>
    private sealed class SameProblem : IEqualityComparer<Finding>
    {
        public static readonly SameProblem Instance = new();

        public bool Equals(Finding? x, Finding? y) =>
            x!.Rule == y!.Rule && x.Values.Count == y.Values.Count && x.Values.All(p => y.Values.TryGetValue(p.Key, out var v) && v == p.Value);

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

    /// <summary>Whether the finding's plan holds the step: every step but those of causes ruled out.</summary>
    private static bool Planned(Finding finding, CompiledStep step) =>
        step.Cause is not { } cause || StateOf(finding, cause) != Verdict.Excluded;

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

    private static Verdict StateOf(Finding finding, string causeId)
    {
        for (var i = 0; i < finding.Rule.Causes.Count; i++)
        {
            if (finding.Rule.Causes[i].Id == causeId)
            {
                return finding.States[i].Verdict;
            }
        }

        return Verdict.Possible;
    }

    private static Diagnosis Write(Finding finding, EvidenceFacts facts, List<RemediationStep> steps, Func<string, string> slot)
    {
        var rule = finding.Rule;
        var anyEstablished = Array.Exists(finding.States, s => s.Verdict == Verdict.Established);
        var evidence = MessageFacts(finding, facts);
        var causes = new List<DiagnosedCause>();
        var ruledOut = new List<DiagnosedCause>();
        var missing = new List<MissingEvidence>();
        var missingFields = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rule.Causes.Count; i++)
        {
            var cause = rule.Causes[i];
            var state = finding.States[i];
            switch (state.Verdict)
            {
                case Verdict.Established:
                    causes.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), Cite(cause.EstablishedWhen[state.Condition], facts, slot)));
                    break;
                case Verdict.Excluded:
                    ruledOut.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), Cite(cause.ExcludedWhen[state.Condition], facts, slot)));
                    break;
                default:
                    if (!anyEstablished)
                    {
                        causes.Add(new DiagnosedCause(cause.Id, cause.Summary.Render(slot), []));
                    }

                    foreach (var m in cause.MissingEvidence)
                    {
                        if (m.When is null || m.When(finding.Subject, facts))
                        {
                            var field = m.Field.Render(slot);
                            if (missingFields.Add(field))
                            {
                                missing.Add(new MissingEvidence(field, m.Why.Render(slot)));
                            }
                        }
                    }

                    break;
            }
        }

        var subject = finding.Values;

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

    /// <summary>
    /// The placeholder values: what a message of this code said (the message wins), else the rule's own
    /// expression for the value, else what the subject itself knows.
    /// </summary>
    private static IReadOnlyDictionary<string, string> SubjectOf(Finding finding, EvidenceFacts facts)
    {
        var rule = finding.Rule;
        Dictionary<string, string>? subject = null;
        var mentioned = rule.Subject.MentionsBy(finding.Subject, rule.Code).ToHashSet();
        foreach (var name in rule.Placeholders.Values.Concat(rule.SubjectValues.Keys).Concat(rule.ApiPatterns.SelectMany(p => p.Names)).Distinct())
        {
            var value = facts.Matches.Where(m => m.Code == rule.Code && mentioned.Contains(m.Index))
                    .Select(m => m.Values.GetValueOrDefault(name)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? (rule.SubjectValues.TryGetValue(name, out var read) ? read(finding.Subject, facts) : null)
                ?? rule.Subject.SubjectValue(finding.Subject, name);
            if (!string.IsNullOrWhiteSpace(value) && !value.StartsWith('['))
            {
                (subject ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
            }
        }

        return subject ?? NoSubject;
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

    private static List<string> Cite(CompiledCondition condition, EvidenceFacts facts, Func<string, string> slot)
    {
        var cited = new List<string>(condition.Facts.Count);
        foreach (var path in condition.Facts)
        {
            if (path.Cite(facts, slot) is { } fact && !cited.Contains(fact))
            {
                cited.Add(fact);
            }
        }

        return cited;
    }

    /// <summary>The messages of this code that named the subject, as facts.</summary>
    private static List<string> MessageFacts(Finding finding, EvidenceFacts facts)
    {
        var messages = facts.Evidence.Messages;
        var mentions = finding.Rule.Subject.MentionsBy(finding.Subject, finding.Rule.Code).Distinct().ToList();
        var cited = messages is null
            ? []
            : mentions.Where(i => i >= 0)
                .Order()
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"messages[{i}] = {System.Text.Json.JsonSerializer.Serialize(messages[i], ReportJsonContext.Compact.String)}"))
                .ToList();
        cited.AddRange(ApiErrorFacts(finding, facts, mentions));
        return cited;
    }

    private static Func<string, string> Slot(Finding finding, EvidenceFacts facts) =>
        name => RuleCompiler.ContractSubjectNames.Contains(name) && !finding.Rule.Subject.TemplateNames.Contains(name)
            ? finding.Values.GetValueOrDefault(name) ?? $"[{name}]"
            : finding.Rule.Subject.TemplateValue(finding.Subject, facts, name);

    private static List<string> Unexplained(EvidenceFacts facts, HashSet<ApiError> explained)
    {
        var unexplained = new List<string>();
        var messages = facts.Evidence.Messages ?? [];
        var recognized = facts.Matches.Select(m => m.Index).ToHashSet();
        for (var i = 0; i < messages.Count; i++)
        {
            if (!recognized.Contains(i) && !string.IsNullOrWhiteSpace(messages[i]))
            {
                unexplained.Add(messages[i]);
            }
        }

        foreach (var error in facts.Evidence.ApiErrors ?? [])
        {
            if (!explained.Contains(error) && !WrapsExplained(error, facts.Evidence.ApiErrors!, explained))
            {
                unexplained.Add(Describe(error));
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
