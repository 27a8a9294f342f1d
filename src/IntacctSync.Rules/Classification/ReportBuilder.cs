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

    public static DiagnosisReport Build(List<Finding> found, EvidenceFacts facts)
    {
        var findings = Merge(found, facts);
        findings.Sort(static (a, b) =>
        {
            var c = a.Certainty.CompareTo(b.Certainty);
            c = c != 0 ? c : a.Rule.Priority.CompareTo(b.Rule.Priority);
            c = c != 0 ? c : string.CompareOrdinal(a.Rule.Code, b.Rule.Code);
            return c != 0 ? c : string.Compare(a.Rule.Subject.SortKey(a.Subject), b.Rule.Subject.SortKey(b.Subject), StringComparison.OrdinalIgnoreCase);
        });

        var lastNeed = new Dictionary<string, int>(StringComparer.Ordinal);
        var plans = new List<List<(CompiledStep Step, string Path, string Action)>>(findings.Count);
        for (var i = 0; i < findings.Count; i++)
        {
            var plan = Plan(findings[i], facts);
            plans.Add(plan);
            foreach (var (step, _, _) in plan)
            {
                if (step.Key is { } key)
                {
                    lastNeed[key] = i;
                }
            }
        }

        var diagnoses = new Diagnosis[findings.Count];
        var explained = new HashSet<ApiError>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < findings.Count; i++)
        {
            var steps = new List<RemediationStep>();
            var seen = new HashSet<(StepSystem, string, string)>();
            foreach (var (step, path, action) in plans[i])
            {
                if ((step.Key is { } key && lastNeed[key] != i) || !seen.Add((step.System, path, action)))
                {
                    continue;
                }

                steps.Add(new RemediationStep(steps.Count + 1, step.System, path, action, step.Cause));
            }

            diagnoses[i] = Write(findings[i], facts, steps);
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
        var ordered = found.Select(f => f with { Values = SubjectOf(f, facts) })
            .OrderBy(f => f.Certainty)
            .ThenBy(f => f.Rule.Subject.SortKey(f.Subject), StringComparer.Ordinal);
        foreach (var finding in ordered)
        {
            if (!merged.Any(m => m.Rule == finding.Rule && SameValues(m.Values, finding.Values)))
            {
                merged.Add(finding);
            }
        }

        return merged;
    }

    private static bool SameValues(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static List<(CompiledStep, string, string)> Plan(Finding finding, EvidenceFacts facts)
    {
        var rule = finding.Rule;
        var plan = new List<(CompiledStep, string, string)>(rule.Steps.Count);
        foreach (var step in rule.Steps)
        {
            if (step.Cause is { } cause && StateOf(finding, cause) == Verdict.Excluded)
            {
                continue;
            }

            plan.Add((step, Fill(step.Path, finding, facts), Fill(step.Action, finding, facts)));
        }

        return plan;
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

    private static Diagnosis Write(Finding finding, EvidenceFacts facts, List<RemediationStep> steps)
    {
        var rule = finding.Rule;
        var anyEstablished = finding.States.Any(s => s.Verdict == Verdict.Established);
        var evidence = MessageFacts(finding, facts);
        var causes = new List<DiagnosedCause>();
        var ruledOut = new List<DiagnosedCause>();
        var missing = new List<MissingEvidence>();
        var missingFields = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rule.Causes.Count; i++)
        {
            var cause = rule.Causes[i];
            var state = finding.States[i];
            var summary = Fill(cause.Summary, finding, facts);
            switch (state.Verdict)
            {
                case Verdict.Established:
                    causes.Add(new DiagnosedCause(cause.Id, summary, Cite(cause.EstablishedWhen[state.Condition], finding, facts)));
                    break;
                case Verdict.Excluded:
                    ruledOut.Add(new DiagnosedCause(cause.Id, summary, Cite(cause.ExcludedWhen[state.Condition], finding, facts)));
                    break;
                default:
                    if (!anyEstablished)
                    {
                        causes.Add(new DiagnosedCause(cause.Id, summary, []));
                    }

                    foreach (var m in cause.MissingEvidence)
                    {
                        if (m.When is null || m.When(finding.Subject, facts))
                        {
                            var field = Fill(m.Field, finding, facts);
                            if (missingFields.Add(field))
                            {
                                missing.Add(new MissingEvidence(field, Fill(m.Why, finding, facts)));
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

    private static List<string> Cite(CompiledCondition condition, Finding finding, EvidenceFacts facts)
    {
        var cited = new List<string>(condition.Facts.Count);
        foreach (var template in condition.Facts)
        {
            if (FactResolver.Cite(facts.Evidence, Fill(template, finding, facts)) is { } fact && !cited.Contains(fact))
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

    private static string Fill(TextTemplate template, Finding finding, EvidenceFacts facts) =>
        template.Render(name => RuleCompiler.ContractSubjectNames.Contains(name) && !finding.Rule.Subject.TemplateNames.Contains(name)
            ? finding.Values.GetValueOrDefault(name) ?? $"[{name}]"
            : finding.Rule.Subject.TemplateValue(finding.Subject, facts, name));

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
