using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

/// <summary>
/// The floor that writes the report: INT402 written by hand in C#, producing the same
/// <see cref="DiagnosisReport"/> as the library running INT402 alone, byte for byte as JSON. The rule file's
/// conditions are plain boolean expressions over the hand-joined dimensions (<see cref="Int402Join"/>), and
/// its texts are constants and interpolated strings taken from <c>rules/sync/INT402.json</c>, as a developer
/// writing INT402 without the library would write them. No rule engine, no templates, no fact paths.
/// </summary>
/// <remarks>
/// What the report holds, as the library writes it: one diagnosis per dimension INT402 fires for (two with
/// the same name are one), surest first, then by the dimension's key; the causes established (or, when none
/// is, those still possible) and those ruled out, each with the facts of the condition that decided it; the
/// plan without the steps of causes ruled out, with Sync Now only in the last diagnosis; what to collect for
/// the causes still open; the messages and API errors that named the dimension; and the messages INT402 did
/// not recognize and the API errors no confirmed or likely diagnosis explains.
/// </remarks>
internal static partial class HandWrittenInt402Report
{
    private const string Code = "INT402";
    private const string Title = "Sage Intacct couldn't return a user-defined dimension's values";
    private const string Rule = "rules/sync/INT402.json";
    private const string UnnamedMessage =
        "INT402 Sync Error: Sage Intacct couldn’t return values for dimension [X]. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions.";

    private const string ObjectsList = "Platform Services > Objects > List (filter: User-Defined Dimensions)";

    // The causes, in the rule file's order; a cause's state is 1 (established: its when is true), -1 (ruled out:
    // false) or 0 (possible: unknown).
    private const int NotConfigured = 0;
    private const int Inactive = 1;
    private const int CannotRead = 2;
    private const int NotSetUp = 3;
    private const int EntryMisconfigured = 4;
    private const int CauseCount = 5;

    private static readonly string[] CauseIds =
    [
        "udd-not-configured", "udd-inactive", "user-cannot-read-udd", "udd-not-set-up-in-intacct", "workspace-entry-misconfigured",
    ];

    private static readonly IReadOnlyDictionary<string, string> NoSubject = new Dictionary<string, string>();

    /// <summary>The report of evidence with nothing found and nothing to list; immutable, so shared.</summary>
    private static readonly DiagnosisReport Empty = new([], []);

    public static DiagnosisReport Classify(SyncEvidence evidence)
    {
        var messages = evidence.Messages;
        var errors = evidence.ApiErrors;
        var messageCount = messages?.Count ?? 0;

        // INT402 is a sync rule: an export's dimensions are not looked at (its messages are listed as unexplained).
        List<Finding>? found = null;
        if (evidence.Operation != SyncOperation.Export)
        {
            var dimensions = Int402Join.Dimensions(evidence);
            var document = new Int402Document(evidence);
            Span<sbyte> states = stackalloc sbyte[CauseCount];
            for (var i = 0; i < dimensions.Count; i++)
            {
                if (Evaluate(dimensions[i], document, states) is { } certainty)
                {
                    found ??= [];
                    found.Add(new Finding(dimensions[i], certainty, states.ToArray(), found.Count));
                }
            }
        }

        if (found is null && messageCount == 0 && errors is null or { Count: 0 })
        {
            return Empty;
        }

        var report = new Int402ReportDocument(evidence);
        Diagnosis[] diagnoses = [];
        Span<bool> cited = messageCount <= 64 ? stackalloc bool[messageCount] : new bool[messageCount];
        var account = errors is { Count: > 0 } ? new ApiErrorAccount(errors.Count) : null;
        if (found is not null)
        {
            var ordered = found.Count == 1 ? found : Order(found);
            diagnoses = new Diagnosis[ordered.Count];
            var citedErrors = new List<int>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var finding = ordered[i];
                citedErrors.Clear();
                diagnoses[i] = Write(finding, report, syncNow: i == ordered.Count - 1, citedErrors);

                // A message is accounted for by the diagnosis that cites it, not by being recognized.
                foreach (var (index, field) in finding.Dimension.Mentions ?? [])
                {
                    if (field is null)
                    {
                        cited[index] = true;
                    }
                }

                account?.Add(i, finding, citedErrors);
            }

            account?.CiteWrappers(errors!);
            account?.Cite(diagnoses, errors!);
        }

        return new DiagnosisReport(diagnoses, Unexplained(evidence, cited, account));
    }

    /// <summary>The surest first, then by key; of several findings with the same name, the first of that order is kept.</summary>
    private static List<Finding> Order(List<Finding> found)
    {
        var ordered = found.ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var c = a.Certainty.CompareTo(b.Certainty);
            c = c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
            return c != 0 ? c : a.Found.CompareTo(b.Found);
        });

        var kept = new List<Finding>(ordered.Length);
        foreach (var finding in ordered)
        {
            if (!HasSubject(kept, finding.Subject))
            {
                kept.Add(finding);
            }
        }

        kept.Sort(static (a, b) =>
        {
            var c = a.Certainty.CompareTo(b.Certainty);
            return c != 0 ? c : string.Compare(a.Key, b.Key, StringComparison.OrdinalIgnoreCase);
        });
        return kept;
    }

    /// <summary>INT402 for one dimension: its certainty, with each cause's state in <paramref name="states"/>; <c>null</c> when it does not fire.</summary>
    private static Certainty? Evaluate(Int402Dimension d, Int402Document e, Span<sbyte> states)
    {
        // appliesWhen drops a dimension only where it is known false.
        if (d.UserDefined == false || (d.EnabledInWorkspace == false && !d.NamedInMessage && d.ApiErrors.Count == 0))
        {
            return null;
        }

        // Each cause's when, three-valued: 1 where it is known true, -1 where known false, 0 where unknown.
        var absent = Absent(d);
        states[NotConfigured] = (sbyte)(d.Configured == false && absent < 0 ? 1 : d.Configured == true || absent > 0 ? -1 : 0);
        states[Inactive] = (sbyte)(d.Active == false && absent < 0 ? 1 : d.Active == true || absent > 0 ? -1 : 0);
        states[CannotRead] = (sbyte)(
            d.ApiPermissionDenied || (d.UserCanRead == false && absent < 0) ? 1
            : d.UserCanRead == true || absent > 0 ? -1
            : 0);
        states[NotSetUp] = (sbyte)(d.EnabledInWorkspace == true && absent > 0 ? 1 : d.EnabledInWorkspace == false || absent < 0 ? -1 : 0);
        states[EntryMisconfigured] = (sbyte)(
            d.EnabledInWorkspace == true && (d.WorkspaceEntryNamesLabel == true || d.ImportAs == DimensionImport.Unset) ? 1
            : d.EnabledInWorkspace == false || (d.WorkspaceEntryNamesLabel == false && d.ImportAs is { } import && import != DimensionImport.Unset) ? -1
            : 0);

        bool established = false, open = false;
        foreach (var state in states)
        {
            established |= state > 0;
            open |= state == 0;
        }

        // A notWhen never silences a dimension a message of INT402 named, and the others only while no cause is established.
        if (!d.NamedInMessage && !established && e.SignInFailed)
        {
            return null;
        }

        if (established)
        {
            return Certainty.Confirmed;
        }

        if (d.NamedInMessage)
        {
            return Certainty.Likely;
        }

        var indicated = d.EnabledInWorkspace == true || d.ValuesReturned == 0 || d.ApiErrors.Count > 0 || d.Active == false
            || d.Configured == false || d.Exists == false || d.UserCanRead == false;
        return e.Failed && open && indicated ? Certainty.Possible : null;
    }

    /// <summary>absentFromIntacct (<c>d.Exists == false || d.ApiObjectNotFound</c>): 1 true, -1 false, 0 unknown.</summary>
    private static int Absent(Int402Dimension d) => d.Exists == false || d.ApiObjectNotFound ? 1 : d.Exists == null ? 0 : -1;

    private static Diagnosis Write(Finding finding, Int402ReportDocument report, bool syncNow, List<int> citedErrors)
    {
        var d = finding.Dimension;
        var states = finding.States;
        var name = d.Name;
        var key = d.Key;

        int established = 0, excluded = 0;
        foreach (var state in states)
        {
            established += state > 0 ? 1 : 0;
            excluded += state < 0 ? 1 : 0;
        }

        var causes = new List<DiagnosedCause>(established > 0 ? established : CauseCount - excluded);
        var ruledOut = new List<DiagnosedCause>(excluded);
        var missing = new List<MissingEvidence>();
        for (var cause = 0; cause < CauseCount; cause++)
        {
            var state = states[cause];
            if (state != 0)
            {
                (state > 0 ? causes : ruledOut).Add(new DiagnosedCause(CauseIds[cause], Summary(cause, name, report), Facts(cause, state, d, report, citedErrors)));
                continue;
            }

            if (established == 0)
            {
                causes.Add(new DiagnosedCause(CauseIds[cause], Summary(cause, name, report), []));
            }

            AddMissing(cause, d, name, key, report, missing);
        }

        var subject = finding.Subject is { } value ? new Dictionary<string, string>(1, StringComparer.Ordinal) { ["dimension"] = value } : NoSubject;
        var message = finding.Subject is { } named
            ? $"INT402 Sync Error: Sage Intacct couldn’t return values for dimension {named}. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions."
            : UnnamedMessage;
        return new Diagnosis(
            Code,
            ErrorKind.Sync,
            Title,
            message,
            subject,
            finding.Certainty,
            causes,
            ruledOut,
            Steps(states, name, key, report, syncNow),
            missing,
            report.MentionFacts(d),
            Rule);
    }

    private static string Summary(int cause, string name, Int402ReportDocument report) => cause switch
    {
        NotConfigured => $"The user-defined dimension {name} exists in Sage Intacct but is not fully configured.",
        Inactive => $"The user-defined dimension {name} is inactive in Sage Intacct.",
        CannotRead => $"The user-defined dimension {name} cannot be read by {report.UserPhrase}: it lacks the List and View rights on the dimension's object.",
        NotSetUp => $"The workspace imports {name}, but Sage Intacct has no such user-defined dimension: it was never set up, or was renamed or removed.",
        _ => $"The workspace's entry for {name} is set up wrongly: it must carry the dimension's integration name and a Tag or Report Field choice.",
    };

    /// <summary>
    /// The facts that decided the cause's verdict, where the evidence holds them: those read by the parts of its
    /// <c>when</c> that decided it (for <c>a &amp;&amp; b</c> true both, false the first false one; for <c>a || b</c> dually).
    /// </summary>
    /// <param name="citedErrors">Where the positions of the API errors cited are added.</param>
    private static List<string> Facts(int cause, sbyte state, Int402Dimension d, Int402ReportDocument report, List<int> citedErrors)
    {
        var key = d.Key;
        var codingKey = CodingKey(d);
        var facts = new List<string>(3);
        var established = state > 0;
        switch (cause)
        {
            // d.Configured == false && !@absentFromIntacct (and d.Active == false likewise).
            case NotConfigured or Inactive:
                var field = cause == NotConfigured ? "configured" : "active";
                var own = cause == NotConfigured ? d.Configured : d.Active;
                if (established)
                {
                    Add(facts, report.Intacct(key, field));
                    AbsentFacts(d, report, absent: false, facts, citedErrors);
                }
                else if (own == true)
                {
                    Add(facts, report.Intacct(key, field));
                }
                else
                {
                    AbsentFacts(d, report, absent: true, facts, citedErrors);
                }

                break;

            // d.ApiPermissionDenied || (d.UserCanRead == false && !@absentFromIntacct)
            case CannotRead:
                if (established && d.ApiPermissionDenied)
                {
                    Cited(report.AddApiErrorTexts(d.PermissionDeniedIndex, facts), d.PermissionDeniedIndex, citedErrors);
                }
                else if (established)
                {
                    Add(facts, report.Objects(key));
                    AbsentFacts(d, report, absent: false, facts, citedErrors);
                }
                else if (d.UserCanRead == true)
                {
                    Add(facts, report.Objects(key));
                }
                else
                {
                    AbsentFacts(d, report, absent: true, facts, citedErrors);
                }

                break;

            // d.EnabledInWorkspace == true && @absentFromIntacct
            case NotSetUp:
                if (established || d.EnabledInWorkspace == false)
                {
                    Add(facts, report.Coding(codingKey, "enabled"));
                }

                if (established || d.EnabledInWorkspace != false)
                {
                    AbsentFacts(d, report, absent: established, facts, citedErrors);
                }

                break;

            // d.EnabledInWorkspace != false && (d.WorkspaceEntryNamesLabel == true || d.ImportAs == DimensionImport.Unset)
            default:
                if (established || d.EnabledInWorkspace == false)
                {
                    Add(facts, report.Coding(codingKey, "enabled"));
                }

                if (d.EnabledInWorkspace == false)
                {
                    break;
                }

                if (!established || d.WorkspaceEntryNamesLabel == true)
                {
                    Add(facts, report.Coding(codingKey, "id"));
                    Add(facts, report.Intacct(key, "id"));
                }

                if (!established || d.WorkspaceEntryNamesLabel != true)
                {
                    Add(facts, report.Coding(codingKey, "importAs"));
                }

                break;
        }

        return facts;
    }

    /// <summary>
    /// What decided absentFromIntacct (<c>d.Exists == false || d.ApiObjectNotFound</c>): true, the first part that is
    /// (the record's exists, else the not-found error's texts); false, both parts (no not-found error has texts to cite).
    /// </summary>
    private static void AbsentFacts(Int402Dimension d, Int402ReportDocument report, bool absent, List<string> facts, List<int> citedErrors)
    {
        if (!absent || d.Exists == false)
        {
            Add(facts, report.Intacct(d.Key, "exists"));
        }
        else
        {
            Cited(report.AddApiErrorTexts(d.NotFoundIndex, facts), d.NotFoundIndex, citedErrors);
        }
    }

    private static void Cited(bool any, int index, List<int> citedErrors)
    {
        if (any)
        {
            citedErrors.Add(index);
        }
    }

    /// <summary>What a possible cause still needs: each fact its <c>when</c> left unknown that its <c>why</c> names, where the evidence lacks it.</summary>
    private static void AddMissing(int cause, Int402Dimension d, string name, string key, Int402ReportDocument report, List<MissingEvidence> missing)
    {
        switch (cause)
        {
            case NotConfigured when d.Configured == null && report.Intacct(key, "configured") is null:
                missing.Add(new MissingEvidence($"intacct.dimensions[{Int402ReportDocument.Escape(key)}].configured", $"Whether {name} is set up completely in Platform Services > Objects > List."));
                break;
            case Inactive when d.Active == null && report.Intacct(key, "active") is null:
                missing.Add(new MissingEvidence($"intacct.dimensions[{Int402ReportDocument.Escape(key)}].active", $"Whether {name} is active in Sage Intacct."));
                break;
            case CannotRead when d.UserCanRead == null && report.Objects(key) is null:
                missing.Add(new MissingEvidence($"webServicesUser.objects[{Int402ReportDocument.Escape(key)}]", $"The Web Services user's rights on the {name} object: it needs List and View to read its values."));
                break;
            case NotSetUp:
                if (Absent(d) == 0 && report.Intacct(key, "exists") is null)
                {
                    missing.Add(new MissingEvidence($"intacct.dimensions[{Int402ReportDocument.Escape(key)}].exists", $"Whether Platform Services > Objects > List (User-Defined Dimensions) has a dimension named {name}."));
                }

                if (d.EnabledInWorkspace == null && report.Coding(CodingKey(d), "enabled") is null)
                {
                    missing.Add(new MissingEvidence($"workspace.coding.dimensions[{Int402ReportDocument.Escape(CodingKey(d))}].enabled", $"Whether the workspace imports {name} (Coding tab)."));
                }

                break;
            case EntryMisconfigured when d.ImportAs == null && report.Coding(CodingKey(d), "importAs") is null:
                missing.Add(new MissingEvidence(
                    $"workspace.coding.dimensions[{Int402ReportDocument.Escape(CodingKey(d))}].importAs",
                    $"The workspace's entry for {name}: whether it imports as a Tag or a Report Field (and the integration name it was given)."));
                break;
        }
    }

    /// <summary>The plan: every step but those of causes ruled out, and Sync Now only in the report's last diagnosis.</summary>
    private static List<RemediationStep> Steps(sbyte[] states, string name, string key, Int402ReportDocument report, bool syncNow)
    {
        var steps = new List<RemediationStep>(8);
        var objectsPath = states[NotConfigured] >= 0 || states[Inactive] >= 0 ? $"{ObjectsList} > {name}" : null;
        if (states[NotConfigured] >= 0)
        {
            steps.Add(new RemediationStep(steps.Count + 1, StepSystem.SageIntacct, objectsPath!, $"Finish setting up {name}: complete its definition and give it its values; save.", CauseIds[NotConfigured]));
        }

        if (states[Inactive] >= 0)
        {
            steps.Add(new RemediationStep(steps.Count + 1, StepSystem.SageIntacct, objectsPath!, $"Set {name} to Active; save.", CauseIds[Inactive]));
        }

        if (states[CannotRead] >= 0)
        {
            steps.Add(new RemediationStep(
                steps.Count + 1,
                StepSystem.SageIntacct,
                report.UserRightsPath,
                $"Give {report.UserPhrase} the List and View rights on the {name} object ({key}) so it can read the dimension's values; save.",
                CauseIds[CannotRead]));
        }

        if (states[NotSetUp] >= 0)
        {
            steps.Add(new RemediationStep(
                steps.Count + 1,
                StepSystem.SageIntacct,
                ObjectsList,
                $"Find the dimension the workspace calls {name}: if it was renamed, note its current integration name; if it was removed or never created, create it (or stop importing it in the workspace).",
                CauseIds[NotSetUp]));
        }

        steps.Add(new RemediationStep(steps.Count + 1, StepSystem.Expensify, report.CodingPath, $"Disable the user-defined dimension {name}; save.", null));
        if (states[EntryMisconfigured] >= 0)
        {
            steps.Add(new RemediationStep(
                steps.Count + 1,
                StepSystem.Expensify,
                report.CodingPath,
                $"Re-add {name} with its integration name exactly as Sage Intacct shows it ({key}), choose Tag or Report Field; save.",
                CauseIds[EntryMisconfigured]));
        }

        steps.Add(new RemediationStep(steps.Count + 1, StepSystem.Expensify, report.CodingPath, $"Re-enable {name} now that Sage Intacct is fixed; save.", null));
        if (syncNow)
        {
            steps.Add(new RemediationStep(steps.Count + 1, StepSystem.Expensify, report.SyncPath, $"Sync Now, and check that the values of {name} are imported.", null));
        }

        return steps;
    }

    /// <summary>The messages no diagnosis cites, verbatim, then the API errors no diagnosis accounts for.</summary>
    private static List<string> Unexplained(SyncEvidence evidence, ReadOnlySpan<bool> cited, ApiErrorAccount? account)
    {
        var unexplained = new List<string>();
        var messages = evidence.Messages;
        for (var i = 0; i < cited.Length; i++)
        {
            if (!cited[i] && !string.IsNullOrWhiteSpace(messages![i]))
            {
                unexplained.Add(messages[i]);
            }
        }

        var errors = evidence.ApiErrors;
        for (var i = 0; i < (errors?.Count ?? 0); i++)
        {
            if (account?.IsCited(i) != true)
            {
                unexplained.Add(Describe(errors![i]));
            }
        }

        return unexplained;
    }

    /// <summary>An API error as <c>errorNo: description description2 correction</c>, without its Support ID.</summary>
    private static string Describe(ApiError error)
    {
        var body = Join(Join(WithoutSupportId(error.Description), WithoutSupportId(error.Description2)), WithoutSupportId(error.Correction));
        return string.IsNullOrWhiteSpace(error.ErrorNo) ? body : $"{error.ErrorNo}: {body}";
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : string.Concat(first, " ", second);

    private static string WithoutSupportId(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : SupportId().Replace(text, string.Empty).Trim();

    private static bool HasSubject(List<Finding> kept, string? subject)
    {
        foreach (var finding in kept)
        {
            if (finding.Subject == subject)
            {
                return true;
            }
        }

        return false;
    }

    private static string CodingKey(Int402Dimension d) => string.IsNullOrWhiteSpace(d.Coding?.Id) ? d.Key : d.Coding.Id;

    private static void Add(List<string> facts, string? fact)
    {
        if (fact is not null)
        {
            facts.Add(fact);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\[Support\s*ID:[^\]]*\]|\s*Support(?:%20|\s)ID(?:%3A|:)\S*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SupportId();

    /// <summary>A dimension INT402 fired for: its certainty, its causes' states, and where the join listed it.</summary>
    private sealed class Finding(Int402Dimension dimension, Certainty certainty, sbyte[] states, int found)
    {
        public Int402Dimension Dimension { get; } = dimension;

        public Certainty Certainty { get; } = certainty;

        public sbyte[] States { get; } = states;

        public int Found { get; } = found;

        public string Key { get; } = dimension.Key;

        /// <summary>The report's <c>subject.dimension</c> (<see cref="Int402Dimension.SubjectName"/>).</summary>
        public string? Subject { get; } = dimension.SubjectName;
    }
}
