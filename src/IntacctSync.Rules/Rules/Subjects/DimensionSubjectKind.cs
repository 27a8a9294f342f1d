using System.Collections.Frozen;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// Dimensions as subjects: every dimension Intacct lists, the workspace imports, or a message or an API
/// error names, joined by name without regard to case (a message's name matches a label first, then an id).
/// </summary>
internal sealed partial class DimensionSubjectKind : SubjectKind
{
    public static readonly DimensionSubjectKind Instance = new();

    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.Ordinal, "dimension", "dimensionKey", "codingKey", "apiError", "permissionError", "notFoundError", "user", "userRightsPath", "workspace");

    /// <summary>Intacct's own objects, which an API error may name but which are never user-defined dimensions.</summary>
    private static readonly FrozenSet<string> StandardObjects = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "APBILL", "APBILLITEM", "APPYMT", "ARINVOICE", "ARPYMT", "CCTRANSACTION", "CHECKINGACCOUNT", "CLASS", "COMPANY",
        "CONTACT", "CREDITCARD", "CUSTOMER", "DEPARTMENT", "EEXPENSES", "EEXPENSESITEM", "EMPLOYEE", "EXPENSETYPES",
        "GLACCOUNT", "GLBATCH", "GLDETAIL", "GLENTRY", "ITEM", "JOURNAL", "LOCATION", "LOCATIONENTITY", "PROJECT",
        "REPORTINGPERIOD", "SAVINGSACCOUNT", "STATACCOUNT", "TASK", "USERINFO", "VENDOR", "WAREHOUSE");

    public override string Name => "dimension";

    public override Type SubjectType => typeof(DimensionSubject);

    public override IReadOnlySet<string> TemplateNames => Names;

    public override IReadOnlyList<object> Build(EvidenceFacts facts, IReadOnlyList<MessageMatch> matches)
    {
        var evidence = facts.Evidence;
        var all = new List<DimensionSubject>();
        var byName = new SubjectsByName(all);

        // Indexed loops: a foreach over the evidence's read-only lists allocates an enumerator, and
        // this runs for every document, healthy or not.
        var intacct = evidence.Intacct?.Dimensions;
        for (var i = 0; i < (intacct?.Count ?? 0); i++)
        {
            var record = intacct![i];
            var key = NullIfEmpty(record.Id) ?? NullIfEmpty(record.Label);
            if (key is null || byName.ById(key) is not null)
            {
                continue;
            }

            var subject = new DimensionSubject(NullIfEmpty(record.Id), NullIfEmpty(record.Label));
            subject.SetIntacct(record);
            subject.SetListed(true);
            Add(subject);
        }

        // A name that matches no record is "not listed" only when every record shows both names it could
        // match (id and label): a record missing one might be the one the name means, so then it is unknown.
        bool? unmatched = intacct is null || CompleteLists.AnyKeyless(intacct, static d => d.Id) || CompleteLists.AnyKeyless(intacct, static d => d.Label) ? null : false;

        var coding = evidence.Workspace?.Coding?.Dimensions;

        // The same for the workspace's entries: a dimension with no entry is not imported, unless an entry
        // without an id may be its entry.
        bool? notImported = coding is null || CompleteLists.AnyKeyless(coding, static c => c.Id) ? null : false;

        // An entry that joined no record may name by its label a record whose label is unknown: such a record is then
        // not known to be without an entry (removing a record's label must not make its entry another dimension's).
        var anyUnjoined = false;
        for (var i = 0; i < (coding?.Count ?? 0); i++)
        {
            var entry = coding![i];
            var name = NullIfEmpty(entry.Id);
            if (name is null)
            {
                continue;
            }

            var usesLabel = false;
            var subject = byName.ById(name);
            if (subject is null && byName.ByLabel(name) is { } labelled)
            {
                subject = labelled;
                usesLabel = subject.Id is not null && !string.Equals(subject.Id, name, StringComparison.OrdinalIgnoreCase);
            }

            if (subject is null)
            {
                subject = new DimensionSubject(name, null);
                subject.SetListed(unmatched);
                Add(subject);
                anyUnjoined = true;
            }

            subject.SetCoding(entry, entry.Enabled, usesLabel);
        }

        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            var name = match.Values.GetValueOrDefault("dimension");
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var subject = byName.ByLabel(name) ?? byName.ById(name);
            if (subject is null)
            {
                subject = new DimensionSubject(null, name);
                subject.SetListed(unmatched);
                Add(subject);
            }

            subject.AddMention(match.Code, match.Index, name, match.Values);
        }

        foreach (var subject in all)
        {
            if (coding is not null && subject.Coding is null)
            {
                subject.SetCoding(null, EnabledWithoutEntry(subject), false);
            }

            subject.SetRights(Rights(evidence.WebServicesUser?.Objects, subject));
        }

        var errors = evidence.ApiErrors;
        for (var i = 0; i < (errors?.Count ?? 0); i++)
        {
            var error = errors![i];
            var (name, denied, notFound) = Classify(error);
            if (name is null)
            {
                continue;
            }

            var subject = byName.ById(name) ?? byName.ByLabel(name);
            if (subject is null)
            {
                // An object the evidence does not list: a dimension only if it is none of Intacct's own
                // objects (a user-defined dimension's object has its own integration name) and the
                // error is about reading or finding it.
                if (StandardObjects.Contains(name) || !(denied || notFound))
                {
                    continue;
                }

                subject = new DimensionSubject(name.ToUpperInvariant(), null);
                subject.SetListed(unmatched);
                subject.SetRights(Rights(evidence.WebServicesUser?.Objects, subject));
                if (coding is not null)
                {
                    subject.SetCoding(null, EnabledWithoutEntry(subject), false);
                }

                Add(subject);
            }

            subject.AddApiError(error, i, denied, notFound);
        }

        return all;

        // Whether a dimension without an entry is enabled in the workspace: not, when the entries are complete, unless an entry
        // that joined no record may be its entry by a label its record does not show (then unknown).
        bool? EnabledWithoutEntry(DimensionSubject subject) =>
            anyUnjoined && subject.Intacct is { } record && string.IsNullOrEmpty(record.Label) ? null : notImported;

        void Add(DimensionSubject subject)
        {
            all.Add(subject);
            byName.Added(subject);
        }
    }

    public override string TemplateValue(object subject, EvidenceFacts facts, string name)
    {
        var d = (DimensionSubject)subject;
        return name switch
        {
            "dimension" => d.Name,
            "dimensionKey" => d.Key,
            "codingKey" => NullIfEmpty(d.Coding?.Id) ?? d.Key,
            "apiError" => ApiErrorSelector(d, facts, d.FirstApiErrorIndex),
            "permissionError" => ApiErrorSelector(d, facts, d.PermissionDeniedIndex),
            "notFoundError" => ApiErrorSelector(d, facts, d.NotFoundIndex),
            "user" => facts.UserPhrase,
            "workspace" => facts.WorkspaceName,
            "userRightsPath" => facts.UserRightsPath ??= UserRightsPath(facts),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a dimension template name."),
        };
    }

    private static string UserRightsPath(EvidenceFacts facts) =>
        (facts.Evidence.WebServicesUser?.PermissionModel, facts.UserId ?? "[Web Services user]") switch
        {
            (PermissionModel.RoleBased, var user) => $"Company > Roles > (the role assigned to {user}) > Subscriptions > Platform Services > Permissions",
            (PermissionModel.UserBased, var user) => $"Company > Web Services Users > {user} > Subscriptions > Platform Services > Permissions",
            (_, var user) => $"Company > Web Services Users > {user} (or the role assigned to it) > Subscriptions > Platform Services > Permissions",
        };

    /// <summary>
    /// Selects one of the dimension's API errors in fact paths (<see cref="EvidenceFacts.ApiErrorSelector(int)"/>): the
    /// first of them for <c>{apiError}</c>, the one that denied permission for <c>{permissionError}</c>, the one that said
    /// the object was not found for <c>{notFoundError}</c>. With no such error, a position past the last error, which
    /// selects none: a format 2 condition that reads <c>d.ApiObjectNotFound</c> while it is false must not cite another
    /// error about the same object as if it had said so. Constant time: the errors' positions are kept when they are
    /// joined to the dimension.
    /// </summary>
    private static string ApiErrorSelector(DimensionSubject d, EvidenceFacts facts, int index) =>
        index < 0 ? "#" + (facts.Evidence.ApiErrors?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) : facts.ApiErrorSelector(index);

    public override void AddMentions(object subject, string code, List<int> into) =>
        AddMentions(((DimensionSubject)subject).MentionList, code, into);

    public override bool IsMentionedBy(object subject, string code) => Any(((DimensionSubject)subject).MentionList, code);

    public override IReadOnlyList<ApiError> ApiErrors(object subject) => ((DimensionSubject)subject).ApiErrors;

    public override IReadOnlyDictionary<string, string>? OwnValues(object subject, string code) =>
        ((DimensionSubject)subject).MentionValues?.GetValueOrDefault(code);

    public override string? SubjectValue(object subject, string contractName) =>
        contractName == "dimension" && subject is DimensionSubject s ? s.MessageName ?? s.Label ?? s.Id : null;

    public override string SortKey(object subject) => ((DimensionSubject)subject).Key;

    private static IReadOnlyList<ObjectRight>? Rights(IReadOnlyDictionary<string, IReadOnlyList<ObjectRight>>? objects, DimensionSubject subject)
    {
        if (objects is null || subject.Id is null)
        {
            return null;
        }

        if (objects.TryGetValue(subject.Id, out var rights))
        {
            return rights;
        }

        foreach (var (name, value) in objects)
        {
            if (string.Equals(name, subject.Id, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The object an API error is about and what it says of it: no permission, or no such object.</summary>
    private static (string? Name, bool Denied, bool NotFound) Classify(ApiError error)
    {
        var text = string.Join(' ', error.Description, error.Description2, error.Correction);
        if (PermissionDenied().Match(text) is { Success: true } denied)
        {
            return (NullIfEmpty(error.Object) ?? denied.Groups["object"].Value, true, false);
        }

        if (NotFound().Match(text) is { Success: true } notFound)
        {
            return (NullIfEmpty(error.Object) ?? notFound.Groups["object"].Value, false, true);
        }

        return (NullIfEmpty(error.Object), false, false);
    }

    /// <summary>
    /// The subjects found so far by id and by label, without regard to case, the first added winning.
    /// Documents list a few dimensions, and scanning a few allocates nothing, so the dictionaries are
    /// built only once there are more. A struct, so that the common case allocates nothing at all.
    /// </summary>
    private struct SubjectsByName(List<DimensionSubject> all)
    {
        private const int ScanBelow = 8;

        private Dictionary<string, DimensionSubject>? _byId;
        private Dictionary<string, DimensionSubject>? _byLabel;

        public readonly DimensionSubject? ById(string id)
        {
            if (_byId is not null)
            {
                return _byId.GetValueOrDefault(id);
            }

            foreach (var subject in all)
            {
                if (string.Equals(subject.Id, id, StringComparison.OrdinalIgnoreCase))
                {
                    return subject;
                }
            }

            return null;
        }

        public readonly DimensionSubject? ByLabel(string label)
        {
            if (_byLabel is not null)
            {
                return _byLabel.GetValueOrDefault(label);
            }

            foreach (var subject in all)
            {
                if (string.Equals(subject.Label, label, StringComparison.OrdinalIgnoreCase))
                {
                    return subject;
                }
            }

            return null;
        }

        /// <summary>Takes note of a subject just added to the list.</summary>
        public void Added(DimensionSubject subject)
        {
            if (_byId is not null)
            {
                Index(subject);
                return;
            }

            if (all.Count >= ScanBelow)
            {
                _byId = new Dictionary<string, DimensionSubject>(StringComparer.OrdinalIgnoreCase);
                _byLabel = new Dictionary<string, DimensionSubject>(StringComparer.OrdinalIgnoreCase);
                foreach (var each in all)
                {
                    Index(each);
                }
            }
        }

        private readonly void Index(DimensionSubject subject)
        {
            if (subject.Id is { } id)
            {
                _byId!.TryAdd(id, subject);
            }

            if (subject.Label is { } label)
            {
                _byLabel!.TryAdd(label, subject);
            }
        }
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"do not have permission for API operation \S+ on objects of type (?<object>[A-Za-z0-9_]+)", RegexOptions.IgnoreCase)]
    private static partial Regex PermissionDenied();

    [GeneratedRegex(@"Object definition (?<object>[A-Za-z0-9_]+) not found", RegexOptions.IgnoreCase)]
    private static partial Regex NotFound();
}
