using CsCheck;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// CsCheck generators for <see cref="SyncEvidence"/>, built from the evidence model: dimensions with
/// random ids and labels and three-valued flags, workspace coding entries that refer to them (by id, by
/// label) or to nothing, the Web Services user's object rights, pasted messages (INT402's template naming
/// a generated dimension, with typographic quotes and odd whitespace, or random text), Sage Intacct API
/// errors (PL04000005 "no permission ... on objects of type X", "Object definition X not found",
/// sign-in failures, noise), connection flags, operation and outcome (absent included).
/// </summary>
/// <remarks>
/// Keys are unique without regard to case within each list and map (ids and labels across
/// dimensions, coding entries per dimension, account numbers, expense ids): the contract compares names
/// without regard to case, so two records with one key would be contradictory evidence rather than a
/// different order of the same evidence. To cover a new code, add the records its rule reads to
/// <see cref="Evidence"/> (the pieces are separate generators: <see cref="Dimensions"/>,
/// <see cref="ApiErrors"/>, ...).
/// </remarks>
internal static class EvidenceGenerators
{
    /// <summary>INT402's message template as the rule file has it; {0} is the dimension.</summary>
    public const string Int402Template =
        "INT402 Sync Error: Sage Intacct couldn’t return values for dimension {0}. This typically occurs when user-defined dimensions aren’t set up correctly or are missing permissions.";

    private static readonly string[] KnownIds =
        ["REGION", "FUND", "COSTCENTER", "DEPARTMENT", "LOCATION", "CLASS", "PROJECT", "GLACCOUNT", "PROGRAM", "GRANT", "region", "Fund"];

    private static readonly string[] TextFragments =
    [
        "Region", "Fund", "Cost Center", " ", "  ", "\t", "’", "‘", "“", "”", "'", "\"", "é", "ß", "中文", "😀", ".", ",", "]", "[",
        "=", "INT402", "dimension", "Sync Error:", "null", "\\", "\n", "Sage Intacct", "couldn't", "values", "<b>", "&amp;", "0", "-1",
        "[Support ID: Xy3d1EB030~Z9q2P0o8kZ]", "objects of type", "not found", "$", "{", "}",
    ];

    private static readonly DateTimeOffset?[] Instants =
    [
        null,
        new DateTimeOffset(2026, 11, 20, 9, 12, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)),
        new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)),
    ];

    private static readonly string[] StandardObjects = ["GLACCOUNT", "VENDOR", "EMPLOYEE", "DEPARTMENT", "LOCATION", "CLASS", "PROJECT"];

    public static readonly Gen<bool?> NBool = Gen.OneOf<bool?>(null, true, false);

    /// <summary>Random text: words of the domain, punctuation that matters to parsers, typographic quotes, non-ASCII.</summary>
    public static readonly Gen<string> Text = Gen.OneOf(TextFragments).Array[0, 6].Select(parts => string.Concat(parts));

    /// <summary>An Intacct object or integration name: mostly realistic, sometimes any text.</summary>
    public static readonly Gen<string> Name = Gen.Frequency(
        (5, (IGen<string>)Gen.OneOf(KnownIds)),
        (3, Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"], 1, 10]),
        (1, Text.Where(t => !string.IsNullOrWhiteSpace(t))));

    public static readonly Gen<SyncOperation?> Operation = Gen.OneOf<SyncOperation?>(null, SyncOperation.Unset, SyncOperation.Sync, SyncOperation.Export);

    public static readonly Gen<SyncOutcome?> Outcome = Gen.OneOf<SyncOutcome?>(null, SyncOutcome.Unset, SyncOutcome.Failed, SyncOutcome.Succeeded);

    public static readonly Gen<DateTimeOffset?> ObservedAt = Gen.OneOf(Instants);

    public static readonly Gen<Connection?> Connection =
        from present in Gen.Int[0, 3]
        from flags in NBool.Array[9, 9]
        from companyId in Gen.OneOf<string?>(null, "", "acme-demo")
        from entityId in Gen.OneOf<string?>(null, "", "US01")
        from syncLevel in Gen.OneOf<SyncLevel?>(null, SyncLevel.Unset, SyncLevel.TopLevel, SyncLevel.Entity)
        from lastSync in ObservedAt
        select present == 0 ? null : new Connection
        {
            CompanyId = companyId,
            EntityId = entityId,
            SyncLevel = syncLevel,
            MultiEntity = flags[0],
            SenderIdAuthorized = flags[1],
            CredentialsValid = flags[2],
            PasswordExpired = flags[3],
            SessionStarted = flags[4],
            ConfigurationValid = flags[5],
            WebServicesSubscribed = flags[6],
            EverSucceeded = flags[7],
            LastSuccessfulSyncAt = flags[8] == true ? lastSync : null,
        };

    /// <summary>A connection whose every observed flag is the healthy value.</summary>
    public static readonly Gen<Connection?> HealthyConnection =
        from present in Gen.Int[0, 3]
        from observed in Gen.Bool.Array[9, 9]
        select present == 0 ? null : new Connection
        {
            CompanyId = "acme-demo",
            MultiEntity = observed[0] ? false : null,
            SenderIdAuthorized = observed[1] ? true : null,
            CredentialsValid = observed[2] ? true : null,
            PasswordExpired = observed[3] ? false : null,
            SessionStarted = observed[4] ? true : null,
            ConfigurationValid = observed[5] ? true : null,
            WebServicesSubscribed = observed[6] ? true : null,
            EverSucceeded = observed[7] ? true : null,
        };

    private static readonly Gen<ObjectRight[]> Rights = Gen.OneOf(ObjectRight.List, ObjectRight.View, ObjectRight.Add, ObjectRight.Edit, ObjectRight.Delete).Array[0, 4];

    private static readonly Gen<ObjectRight[]> ReadRights =
        from extra in Gen.OneOf(ObjectRight.Add, ObjectRight.Edit, ObjectRight.Delete).Array[0, 2]
        from order in Gen.Int[0, 1]
        select order == 0 ? (ObjectRight[])[ObjectRight.List, ObjectRight.View, .. extra] : [.. extra, ObjectRight.View, ObjectRight.List];

    /// <summary>Any evidence document.</summary>
    public static readonly Gen<SyncEvidence> Evidence =
        from names in Name.Array[0, 7]
        from extraNames in Name.Array[0, 3]
        from dimensions in Dimensions(Distinct(names))
        let others = Distinct(extraNames).Where(n => !Taken(dimensions ?? [], n)).ToArray()
        from coding in Coding(dimensions ?? [], others, healthy: false)
        from objects in Objects(dimensions ?? [], others, healthy: false)
        from messages in Messages(dimensions ?? [], others)
        from apiErrors in ApiErrors(dimensions ?? [], others)
        from user in User(objects)
        from connection in Connection
        from operation in Operation
        from outcome in Outcome
        from observedAt in ObservedAt
        from accounts in Accounts(dimensions ?? [])
        from report in Report(dimensions ?? [])
        from workspaceName in Gen.OneOf<string?>(null, "", "Acme US", "Ünïcode “Workspace”")
        select new SyncEvidence
        {
            Operation = operation,
            Outcome = outcome,
            ObservedAt = observedAt,
            Messages = messages,
            ApiErrors = apiErrors,
            Connection = connection,
            WebServicesUser = user,
            Intacct = dimensions is null && accounts is null ? null : new IntacctCompany { Dimensions = dimensions, Accounts = accounts },
            Workspace = coding is null && workspaceName is null ? null : new Workspace { Name = workspaceName, Coding = coding is null ? null : new CodingSettings { Dimensions = coding } },
            Report = report,
        };

    /// <summary>
    /// Evidence with no failure signal (no messages, no API errors, outcome not failed) whose dimensions
    /// are all healthy: they exist, are active and configured, the user may list and view them, and the
    /// workspace imports them by their integration name as a tag, report field or default.
    /// </summary>
    public static readonly Gen<SyncEvidence> Healthy =
        from names in Name.Array[0, 7]
        from dimensions in HealthyDimensions(Distinct(names))
        from coding in Coding(dimensions ?? [], [], healthy: true)
        from objects in Objects(dimensions ?? [], [], healthy: true)
        from user in User(objects)
        from connection in HealthyConnection
        from operation in Operation
        from outcome in Gen.OneOf<SyncOutcome?>(null, SyncOutcome.Unset, SyncOutcome.Succeeded)
        select new SyncEvidence
        {
            Operation = operation,
            Outcome = outcome,
            Connection = connection,
            WebServicesUser = user is null ? null : new WebServicesUser { UserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId, Active = user.Active == false ? null : user.Active, PermissionModel = user.PermissionModel, Objects = user.Objects },
            Intacct = new IntacctCompany { Dimensions = dimensions },
            Workspace = new Workspace { Name = "Acme US", Coding = new CodingSettings { Dimensions = coding } },
        };

    /// <summary>Intacct's dimensions (absent a sixth of the time): one per distinct name, its id and label unique across the list.</summary>
    public static Gen<IntacctDimension[]?> Dimensions(string[] names) =>
        from present in Gen.Int[0, 5]
        from records in Sequence(names.Select(Dimension))
        select present == 0 ? null : Unique(records);

    private static Gen<IntacctDimension[]?> HealthyDimensions(string[] names) =>
        from records in Sequence(names.Select(n =>
            from d in Dimension(n)
            from valuesReturned in Gen.OneOf<int?>(null, 1, 14, 5000)
            select new IntacctDimension
            {
                Id = string.IsNullOrEmpty(d.Id) ? n : d.Id,
                Label = d.Label,
                UserDefined = d.UserDefined,
                Exists = true,
                Active = true,
                Configured = true,
                ValuesReturned = valuesReturned,
                Values = d.Values,
            }))
        select (IntacctDimension[]?)Unique(records);

    private static Gen<IntacctDimension> Dimension(string name) =>
        from idForm in Gen.Int[0, 9]
        from labelForm in Gen.Int[0, 5]
        from flags in NBool.Array[4, 4]
        from valuesReturned in Gen.OneOf<int?>(null, 0, 1, 14, int.MaxValue)
        from values in DimensionValues
        select new IntacctDimension
        {
            Id = idForm switch { 0 => null, 1 => string.Empty, 2 => name.ToLowerInvariant(), _ => name.ToUpperInvariant() },
            Label = labelForm switch { 0 => null, 1 => TitleCase(name), 2 => TitleCase(name) + " Code", 3 => name, _ => TitleCase(name) },
            UserDefined = flags[0],
            Exists = flags[1],
            Active = flags[2],
            Configured = flags[3],
            ValuesReturned = valuesReturned,
            Values = values,
        };

    private static readonly Gen<DimensionValue[]?> DimensionValues =
        from present in Gen.Int[0, 3]
        from values in (from id in Gen.Int[1, 999] from name in Text from active in NBool select new DimensionValue { Id = "V" + id, Name = name, Active = active }).Array[0, 3]
        select present == 0 ? null : values.DistinctBy(v => v.Id, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>The workspace's coding entries: at most one per dimension (by id, by label, either case), and some for names Intacct does not list.</summary>
    public static Gen<CodingDimension[]?> Coding(IntacctDimension[] dimensions, string[] others, bool healthy) =>
        from present in Gen.Int[0, 5]
        from entries in Sequence(dimensions.Select(d =>
            from form in Gen.Int[0, 4]
            from enabled in healthy ? Gen.OneOf<bool?>(true, false, null) : NBool
            from importAs in healthy
                ? Gen.OneOf<DimensionImport?>(DimensionImport.Tag, DimensionImport.ReportField, DimensionImport.Default)
                : Gen.OneOf<DimensionImport?>(null, DimensionImport.Unset, DimensionImport.Tag, DimensionImport.ReportField, DimensionImport.Default)
            select form switch
            {
                0 => null,
                1 when !healthy && d.Label is not null => new CodingDimension { Id = d.Label, Enabled = enabled, ImportAs = importAs },
                2 when d.Id is { Length: > 0 } => new CodingDimension { Id = d.Id.ToLowerInvariant(), Enabled = enabled, ImportAs = importAs },
                _ when d.Id is { Length: > 0 } => new CodingDimension { Id = d.Id, Enabled = enabled, ImportAs = importAs },
                _ => null,
            }))
        from extra in Sequence(others.Select(n =>
            from include in Gen.Bool
            from enabled in NBool
            from importAs in Gen.OneOf<DimensionImport?>(null, DimensionImport.Unset, DimensionImport.Tag)
            select include ? new CodingDimension { Id = n, Enabled = enabled, ImportAs = importAs } : null))
        from withoutId in Gen.Int[0, 9]
        select present == 0 && !healthy ? null : (CodingDimension[]?)
        [
            .. entries.OfType<CodingDimension>(),
            .. extra.OfType<CodingDimension>(),
            .. withoutId == 0 && !healthy ? [new CodingDimension { Enabled = true, ImportAs = DimensionImport.Tag }] : Array.Empty<CodingDimension>(),
        ];

    /// <summary>The Web Services user's rights by object (absent a quarter of the time), keys unique without regard to case.</summary>
    public static Gen<Dictionary<string, IReadOnlyList<ObjectRight>>?> Objects(IntacctDimension[] dimensions, string[] others, bool healthy) =>
        from present in Gen.Int[0, 3]
        from entries in Sequence(dimensions.Select(d =>
            from include in Gen.Int[0, 3]
            from rights in healthy ? ReadRights : Gen.Frequency((2, (IGen<ObjectRight[]>)ReadRights), (3, Rights))
            from lower in Gen.Bool
            select (Key: healthy || include > 0 ? (lower ? d.Id?.ToLowerInvariant() : d.Id) : null, Rights: rights)))
        from extra in Sequence(others.Concat(StandardObjects).Select(n =>
            from include in Gen.Bool
            from rights in Rights
            select (Key: include ? n : null, Rights: rights)))
        select present == 0 && !healthy ? null : ToMap(entries.Concat(extra));

    private static Gen<WebServicesUser?> User(Dictionary<string, IReadOnlyList<ObjectRight>>? objects) =>
        from present in Gen.Int[0, 4]
        from userId in Gen.OneOf<string?>(null, "", "xmlgateway_expensify", "wsuser “quoted”")
        from active in NBool
        from model in Gen.OneOf<PermissionModel?>(null, PermissionModel.Unset, PermissionModel.UserBased, PermissionModel.RoleBased)
        select present == 0 && objects is null ? null : new WebServicesUser { UserId = userId, Active = active, PermissionModel = model, Objects = objects };

    /// <summary>Pasted messages (absent a third of the time): INT402's template naming a dimension in many spellings, and noise.</summary>
    public static Gen<string[]?> Messages(IntacctDimension[] dimensions, string[] others)
    {
        string[] candidates = [.. dimensions.SelectMany(d => new[] { d.Label, d.Id }).OfType<string>().Where(s => s.Length > 0), .. others, "Fund"];
        var message = Gen.Frequency(
            (4, (IGen<string>)(from name in Gen.OneOf(candidates) from style in Gen.Int[0, 7] select Int402Message(name, style))),
            (2, Text),
            (1, Gen.OneOf("", "   ", "INT402", "int402 sync error", "INT999 Export Error: something else.", "Sage Intacct couldn't return values for dimension .")));
        return from present in Gen.Int[0, 2]
               from messages in message.Array[0, 3]
               select present == 0 ? null : messages;
    }

    /// <summary>INT402's message naming <paramref name="name"/>, in one of several spellings people paste.</summary>
    public static string Int402Message(string name, int style)
    {
        var text = Int402Template.Replace("{0}", name, StringComparison.Ordinal);
        return style switch
        {
            0 => text,
            1 => text.Replace('’', '\''),
            2 => text.Replace("INT402 Sync Error: ", string.Empty, StringComparison.Ordinal),
            3 => text.Replace(" ", "  \n ", StringComparison.Ordinal),
            4 => text.ToUpperInvariant(),
            5 => "  " + text.Replace('’', '‘') + "\t",
            6 => text.Replace('’', '\'').Replace("INT402 Sync Error: ", "Sync Error: INT402 — ", StringComparison.Ordinal),
            _ => text[..(text.IndexOf(". This", StringComparison.Ordinal) + 1)],
        };
    }

    /// <summary>API errors (absent a third of the time): permission denied and object-not-found naming a dimension, sign-in failures, noise.</summary>
    public static Gen<ApiError[]?> ApiErrors(IntacctDimension[] dimensions, string[] others)
    {
        string[] objects = [.. dimensions.SelectMany(d => new[] { d.Id, d.Label }).OfType<string>().Where(s => s.Length > 0), .. others, "GLACCOUNT", "region", "FUND"];
        var error =
            from kind in Gen.Int[0, 9]
            from name in Gen.OneOf(objects)
            from objectField in Gen.Int[0, 3]
            from textField in Gen.Int[0, 2]
            from errorNo in Gen.OneOf<string?>(null, "", "PL04000005", "pl04000005", "BL01001973", "XL03000006", "Query Failed", "GW-0010")
            from level in Gen.Frequency((8, (IGen<ApiErrorLevel?>)Gen.Const<ApiErrorLevel?>(ApiErrorLevel.Result)), (1, Gen.OneOf<ApiErrorLevel?>(null, ApiErrorLevel.Unset, ApiErrorLevel.Control, ApiErrorLevel.Authentication)))
            from noise in Text
            from supportId in Gen.OneOf<string?>(null, "Xy3d1EB030~Z9q2P0o8kZ-ab12cdEFgAAAAQ")
            from httpStatus in Gen.OneOf<int?>(null, 200, 400, 500)
            let text = kind switch
            {
                < 4 => $"You do not have permission for API operation READ_BY_QUERY on objects of type {(objectField == 3 ? name.ToLowerInvariant() : name)}",
                < 7 => $"Object definition {name} not found",
                _ => noise,
            }
            select new ApiError
            {
                Api = httpStatus is null ? IntacctApi.Xml : IntacctApi.Rest,
                Level = level,
                Status = ApiResultStatus.Failure,
                Function = "readByQuery",
                Object = objectField switch { 0 => name, 1 => null, 2 => string.Empty, _ => null },
                ErrorNo = errorNo,
                Description = textField == 0 ? text : string.Empty,
                Description2 = textField == 1 ? text : noise,
                Correction = textField == 2 ? text : null,
                SupportId = supportId,
                HttpStatus = httpStatus,
            };
        return from present in Gen.Int[0, 2]
               from errors in error.Array[0, 3]
               select present == 0 ? null : errors;
    }

    /// <summary>General-ledger accounts (absent half the time), numbers unique.</summary>
    public static Gen<GlAccount[]?> Accounts(IntacctDimension[] dimensions) =>
        from present in Gen.Bool
        from accounts in (from number in Gen.Int[1000, 9999]
                          from active in NBool
                          from required in Gen.Int[0, 2]
                          select new GlAccount
                          {
                              Number = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                              Active = active,
                              RequiredDimensions = required == 0 ? null : dimensions.Select(d => d.Id).OfType<string>().Take(required).ToArray(),
                          }).Array[0, 4]
        select present ? accounts.DistinctBy(a => a.Number).ToArray() : null;

    /// <summary>The report being exported (absent half the time): expenses with unique ids, tagged with the dimensions.</summary>
    public static Gen<Report?> Report(IntacctDimension[] dimensions) =>
        from present in Gen.Bool
        from expenses in (from id in Gen.Int[1, 99]
                          from amount in Gen.OneOf(0m, 12.5m, -3m, 79228162514264337593543950335m)
                          from category in Gen.OneOf<string?>(null, "", "Meals", "Travel")
                          from tagged in Gen.Bool
                          select new Expense
                          {
                              Id = "E" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                              Amount = amount,
                              Category = category,
                              Tags = tagged ? dimensions.Where(d => d.Id is { Length: > 0 }).ToDictionary(d => d.Id!, d => "V1", StringComparer.OrdinalIgnoreCase) : null,
                          }).Array[0, 4]
        select present ? new Report { Id = "R1", SubmitterEmail = "a@example.com", Expenses = expenses.DistinctBy(e => e.Id).ToArray() } : null;

    /// <summary>The evidence with its records reordered inside lists (dimensions, coding entries, accounts, expenses); API errors and messages keep their order.</summary>
    public static SyncEvidence Reorder(SyncEvidence e, int seed)
    {
        var random = new Random(seed);
        return new SyncEvidence
        {
            SchemaVersion = e.SchemaVersion,
            Operation = e.Operation,
            Outcome = e.Outcome,
            ObservedAt = e.ObservedAt,
            Messages = e.Messages,
            ApiErrors = e.ApiErrors,
            Connection = e.Connection,
            WebServicesUser = e.WebServicesUser,
            Intacct = e.Intacct is null ? null : new IntacctCompany
            {
                Dimensions = Shuffle(e.Intacct.Dimensions, random),
                Accounts = Shuffle(e.Intacct.Accounts, random),
            },
            Workspace = e.Workspace is null ? null : new Workspace
            {
                Name = e.Workspace.Name,
                Coding = e.Workspace.Coding is null ? null : new CodingSettings { Dimensions = Shuffle(e.Workspace.Coding.Dimensions, random) },
            },
            Report = e.Report is null ? null : new Report
            {
                Id = e.Report.Id,
                SubmitterEmail = e.Report.SubmitterEmail,
                Expenses = Shuffle(e.Report.Expenses, random),
            },
        };
    }

    private static T[]? Shuffle<T>(IReadOnlyList<T>? list, Random random)
    {
        if (list is null)
        {
            return null;
        }

        var copy = list.ToArray();
        random.Shuffle(copy);
        return copy;
    }

    /// <summary>One value from each generator, in order.</summary>
    public static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> gens)
    {
        Gen<List<T>> all = Gen.Const(() => new List<T>());
        foreach (var gen in gens)
        {
            var g = gen;
            all = from list in all from item in g select Append(list, item);
        }

        return all.Select(list => list.ToArray());
    }

    private static List<T> Append<T>(List<T> list, T item)
    {
        list.Add(item);
        return list;
    }

    private static string[] Distinct(string[] names) => names.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Keeps the dimensions whose id and label no earlier dimension uses (as id or label, any case).</summary>
    private static IntacctDimension[] Unique(IntacctDimension[] records)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var kept = new List<IntacctDimension>();
        foreach (var record in records)
        {
            string[] keys = [.. new[] { record.Id, record.Label }.Where(k => !string.IsNullOrWhiteSpace(k))!];
            if (keys.Length == 0 || keys.Any(used.Contains))
            {
                continue;
            }

            used.UnionWith(keys);
            kept.Add(record);
        }

        return [.. kept];
    }

    private static bool Taken(IntacctDimension[] dimensions, string name) =>
        dimensions.Any(d => string.Equals(d.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Label, name, StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, IReadOnlyList<ObjectRight>> ToMap(IEnumerable<(string? Key, ObjectRight[] Rights)> entries)
    {
        var map = new Dictionary<string, IReadOnlyList<ObjectRight>>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, rights) in entries)
        {
            if (!string.IsNullOrWhiteSpace(key) && keys.Add(key))
            {
                map[key] = rights;
            }
        }

        return map;
    }

    private static string TitleCase(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
}
