using System.Collections.Frozen;
using System.Globalization;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// Expense lines as subjects: every expense of the report, joined once to its category, expense type,
/// account, project, tax rate and tag values; a line, category, account or project that a message
/// names is joined to the expenses that carry it, or becomes a subject of its own.
/// </summary>
internal sealed class ExpenseSubjectKind : SubjectKind
{
    public static readonly ExpenseSubjectKind Instance = new();

    private static readonly FrozenSet<string> Names = FrozenSet.Create(
        StringComparer.Ordinal, "expenseId", "missingDimensions", "invalidTags", "namedDimensionKey", "user", "workspace");

    public override string Name => "expense";

    public override Type SubjectType => typeof(ExpenseSubject);

    public override IReadOnlySet<string> TemplateNames => Names;

    public override IReadOnlyList<object> Build(EvidenceFacts facts, IReadOnlyList<MessageMatch> matches)
    {
        var evidence = facts.Evidence;
        var subjects = new List<ExpenseSubject>();
        var expenses = evidence.Report?.Expenses ?? [];
        var categories = Index(evidence.Workspace?.Coding?.Categories, c => c.Name, StringComparer.Ordinal);
        var expenseTypes = Index(evidence.Intacct?.ExpenseTypes, t => t.Id, StringComparer.OrdinalIgnoreCase);
        var accounts = Index(evidence.Intacct?.Accounts, a => a.Number, StringComparer.OrdinalIgnoreCase);
        var projects = Index(evidence.Intacct?.Projects, p => p.Id, StringComparer.OrdinalIgnoreCase);
        var taxRates = Index(evidence.Workspace?.Coding?.TaxRates, t => t.Name, StringComparer.Ordinal);
        var values = DimensionValues(evidence.Intacct?.Dimensions);
        var export = evidence.Workspace?.Export;

        for (var i = 0; i < expenses.Count; i++)
        {
            var expense = expenses[i];
            var subject = new ExpenseSubject(expense, i);
            Route(subject, expense, export);

            if (!string.IsNullOrEmpty(expense.Category) && categories is not null)
            {
                subject.CategoryListed = categories.Find(expense.Category, out var category);
                subject.CategoryRecord = category;
            }

            if (subject.CategoryRecord?.ExpenseTypeId is { Length: > 0 } typeId && expenseTypes is not null)
            {
                subject.ExpenseTypeListed = expenseTypes.Find(typeId, out var type);
                subject.ExpenseType = type;
            }

            // The account the line posts to follows its route: with the route unknown, it is known only when
            // both routes' accounts are known and the same.
            var accountNumber = subject.ExportsAsExpenseReport switch
            {
                true => subject.ExpenseType?.AccountNumber,
                false => subject.CategoryRecord?.AccountNumber,
                null => string.Equals(subject.ExpenseType?.AccountNumber, subject.CategoryRecord?.AccountNumber, StringComparison.OrdinalIgnoreCase)
                    ? subject.CategoryRecord?.AccountNumber
                    : null,
            };
            if (!string.IsNullOrEmpty(accountNumber))
            {
                subject.AccountNumber = accountNumber;
                if (accounts is not null)
                {
                    subject.AccountListed = accounts.Find(accountNumber, out var account);
                    subject.Account = account;
                }
            }

            if (!string.IsNullOrEmpty(expense.Project) && projects is not null)
            {
                subject.ProjectListed = projects.Find(expense.Project, out var project);
                subject.Project = project;
            }

            if (!string.IsNullOrEmpty(expense.TaxRate) && taxRates is not null && taxRates.Find(expense.TaxRate, out var taxRate) == true)
            {
                subject.TaxRateRecord = taxRate;
            }

            CheckRequiredDimensions(subject, expense);
            subjects.Add(subject);
        }

        foreach (var match in matches)
        {
            // A message that names no line, category, account or project (INT680's) is about the
            // report's expenses in general: every line may be the one it means.
            var named = HasExpenseValue(match.Values)
                ? subjects.Where(s => s.Expense is not null && IsNamedBy(s, match.Values)).ToList()
                : subjects.Where(s => s.Expense is not null).ToList();
            if (named.Count == 0)
            {
                var orphan = new ExpenseSubject(null, -1)
                {
                    MessageLine = match.Values.TryGetValue("line", out var line) && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
                    MessageCategory = match.Values.GetValueOrDefault("category"),
                };
                subjects.Add(orphan);
                named.Add(orphan);
            }

            var dimension = match.Values.GetValueOrDefault("dimension");
            foreach (var subject in named)
            {
                subject.Mentions.Add((match.Code, match.Index));
                if (!string.IsNullOrWhiteSpace(dimension))
                {
                    subject.NamedDimension ??= dimension;
                }

                if (match.Values.TryGetValue("project", out var project) && !string.IsNullOrEmpty(project) && string.Equals(project, subject.Expense?.Project, StringComparison.OrdinalIgnoreCase))
                {
                    subject.ProjectNamed = true;
                }
            }
        }

        // After the messages are joined: a project a message or API error named is checked like a tag.
        foreach (var subject in subjects)
        {
            if (subject.Expense is { } expense)
            {
                CheckTags(subject, expense, values);
            }

            subject.MissingDimensionsImportedAsTags = facts.ImportsAsTags(subject.MissingRequiredDimensions);
            subject.NamedDimensionImportedAsTag = facts.DimensionImportedAsTag(subject.NamedDimension);
        }

        return subjects;
    }

    public override string TemplateValue(object subject, EvidenceFacts facts, string name)
    {
        var s = (ExpenseSubject)subject;
        return name switch
        {
            "expenseId" => s.Expense?.Id ?? (s.Index >= 0 ? s.Index.ToString(CultureInfo.InvariantCulture) : "[expense]"),
            "missingDimensions" => s.MissingRequiredDimensions.Count == 0 ? "[dimension]" : string.Join(", ", s.MissingRequiredDimensions),
            "invalidTags" => s.InvalidTags.Count == 0 ? "[tag]" : string.Join(", ", s.InvalidTags),
            "namedDimensionKey" => s.NamedDimension is { } named ? facts.CodingEntryFor(named)?.Id ?? named : "[dimension]",
            "user" => facts.UserPhrase,
            "workspace" => facts.WorkspaceName,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an expense template name."),
        };
    }

    public override void AddMentions(object subject, string code, List<int> into) =>
        AddMentions(((ExpenseSubject)subject).Mentions, code, into);

    public override bool IsMentionedBy(object subject, string code) => Any(((ExpenseSubject)subject).Mentions, code);

    public override IReadOnlyList<ApiError> ApiErrors(object subject) => [];

    public override string? SubjectValue(object subject, string contractName)
    {
        var s = (ExpenseSubject)subject;
        return contractName switch
        {
            "line" => s.Line?.ToString(CultureInfo.InvariantCulture),
            "category" => string.IsNullOrEmpty(s.Category) ? null : s.Category,
            "account" => s.AccountNumber,
            "project" => string.IsNullOrEmpty(s.Expense?.Project) ? null : s.Expense.Project,
            _ => null,
        };
    }

    /// <summary>By expense id, then line and category, so that reports do not depend on the order of the expenses.</summary>
    public override string SortKey(object subject)
    {
        var s = (ExpenseSubject)subject;
        return string.Join('\u001f', s.Expense?.Id ?? string.Empty, s.Line?.ToString("D6", CultureInfo.InvariantCulture) ?? string.Empty, s.Category ?? string.Empty);
    }

    private static void Route(ExpenseSubject subject, Expense expense, ExportSettings? export)
    {
        if (expense.Reimbursable is not { } reimbursable || export is null)
        {
            return;
        }

        if (reimbursable)
        {
            if (export.Reimbursable is { } r and not ReimbursableExport.Unset)
            {
                subject.ExportsAsExpenseReport = r == ReimbursableExport.ExpenseReport;
                subject.ExportsAsVendorBill = r == ReimbursableExport.VendorBill;
                subject.ExportsAsCreditCard = false;
            }
        }
        else if (export.NonReimbursable is { } n and not NonReimbursableExport.Unset)
        {
            subject.ExportsAsExpenseReport = n == NonReimbursableExport.ExpenseReport;
            subject.ExportsAsVendorBill = n == NonReimbursableExport.VendorBill;
            subject.ExportsAsCreditCard = n == NonReimbursableExport.CreditCard;
        }
    }

    private static void CheckTags(ExpenseSubject subject, Expense expense, Dictionary<string, Keyed<DimensionValue>>? values)
    {
        if (expense.Tags is null || values is null)
        {
            return;
        }

        var invalid = new List<string>();
        var checkedAll = true;
        foreach (var (dimension, value) in expense.Tags)
        {
            if (!values.TryGetValue(dimension, out var known))
            {
                checkedAll = false;
                continue;
            }

            switch (known.Find(value, out var record))
            {
                case false:
                    invalid.Add($"{dimension}={value}");
                    break;
                case true when record!.Active == false:
                    invalid.Add($"{dimension}={value}");
                    break;
                case true when record.Active is null:
                case null:
                    // Whether the value is listed, or active, is not known: the tags are not all checked.
                    checkedAll = false;
                    break;
            }
        }

        // The project is a tag of its own field. It is INT205's (project and customer links) and INT480's, except where a
        // message or API error named it as an invalid value (Intacct's "Invalid Project 'P-7' specified."): then the
        // named project's record decides, checked against intacct.projects like a tag value.
        if (subject.ProjectNamed && !string.IsNullOrEmpty(expense.Project))
        {
            switch (subject.ProjectListed)
            {
                case false:
                case true when subject.Project!.Active == false:
                    invalid.Add($"PROJECT={expense.Project}");
                    break;
                case true when subject.Project.Active is null:
                case null:
                    checkedAll = false;
                    break;
            }
        }

        subject.InvalidTags = invalid;
        subject.TagsChecked = checkedAll;
    }

    private static void CheckRequiredDimensions(ExpenseSubject subject, Expense expense)
    {
        if (subject.Account?.RequiredDimensions is not { } required || expense.Tags is null)
        {
            return;
        }

        var missing = new List<string>();
        foreach (var dimension in required)
        {
            var carried = dimension.ToUpperInvariant() switch
            {
                "PROJECT" => !string.IsNullOrEmpty(expense.Project) || HasTag(expense.Tags, dimension),
                "CUSTOMER" => !string.IsNullOrEmpty(expense.Customer) || HasTag(expense.Tags, dimension),
                _ => HasTag(expense.Tags, dimension),
            };
            if (!carried)
            {
                missing.Add(dimension);
            }
        }

        subject.MissingRequiredDimensions = missing;
        subject.RequiredDimensionsChecked = true;
    }

    private static bool HasTag(IReadOnlyDictionary<string, string> tags, string dimension) =>
        tags.Any(t => string.Equals(t.Key, dimension, StringComparison.OrdinalIgnoreCase) && t.Value.Length > 0);

    /// <summary>
    /// Whether the line may post to <paramref name="account"/>: its account, or with its route unknown the
    /// account of either route. A message or API error naming the account is then about this line.
    /// </summary>
    private static bool MayPostTo(ExpenseSubject subject, string account) =>
        string.Equals(subject.AccountNumber, account, StringComparison.OrdinalIgnoreCase)
        || (subject.ExportsAsExpenseReport is null
            && (string.Equals(subject.CategoryRecord?.AccountNumber, account, StringComparison.OrdinalIgnoreCase)
                || string.Equals(subject.ExpenseType?.AccountNumber, account, StringComparison.OrdinalIgnoreCase)));

    private static bool IsNamedBy(ExpenseSubject subject, IReadOnlyDictionary<string, string> values) =>
        (values.TryGetValue("line", out var line) && subject.Line?.ToString(CultureInfo.InvariantCulture) == line.Trim())
        || (values.TryGetValue("category", out var category) && subject.Category == category)
        || (values.TryGetValue("account", out var account) && MayPostTo(subject, account))
        || (values.TryGetValue("project", out var project) && string.Equals(subject.Expense?.Project, project, StringComparison.OrdinalIgnoreCase));

    private static bool HasExpenseValue(IReadOnlyDictionary<string, string> values) =>
        values.ContainsKey("line") || values.ContainsKey("category") || values.ContainsKey("account") || values.ContainsKey("project");

    private static Keyed<T>? Index<T>(IReadOnlyList<T>? records, Func<T, string?> key, StringComparer comparer)
        where T : class
    {
        if (records is null)
        {
            return null;
        }

        var index = new Dictionary<string, T?>(records.Count, comparer);
        var complete = true;
        foreach (var record in records)
        {
            if (key(record) is not { Length: > 0 } k)
            {
                complete = false;
            }
            else if (!index.TryAdd(k, record))
            {
                // Two records with one key: which one the export reads is not known.
                index[k] = null;
            }
        }

        return new Keyed<T>(index, complete);
    }

    /// <summary>
    /// A complete list's records by key. A key that no record has is not listed (lists are complete). When a
    /// record's own key is not known, that record may carry any key, so no lookup is known; nor is one whose key
    /// two records share.
    /// </summary>
    private sealed class Keyed<T>(Dictionary<string, T?> index, bool complete)
        where T : class
    {
        public bool? Find(string key, out T? record)
        {
            record = null;
            if (!complete)
            {
                return null;
            }

            if (!index.TryGetValue(key, out var found))
            {
                return false;
            }

            record = found;
            return found is null ? null : true;
        }
    }

    private static Dictionary<string, Keyed<DimensionValue>>? DimensionValues(IReadOnlyList<IntacctDimension>? dimensions)
    {
        if (dimensions is null)
        {
            return null;
        }

        var byDimension = new Dictionary<string, Keyed<DimensionValue>>(StringComparer.OrdinalIgnoreCase);
        foreach (var dimension in dimensions)
        {
            if (dimension.Id is { Length: > 0 } id && dimension.Values is { } list)
            {
                byDimension.TryAdd(id, Index(list, v => v.Id, StringComparer.OrdinalIgnoreCase)!);
            }
        }

        return byDimension;
    }
}
