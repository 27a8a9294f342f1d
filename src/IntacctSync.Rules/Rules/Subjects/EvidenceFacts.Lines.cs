using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// Document-level facts for the "Lines" rules: billable and tax settings, tag values, project links,
// worked out over the report's expense lines (the same joined lines the expense rules see).
public sealed partial class EvidenceFacts
{
    private IReadOnlyList<ExpenseSubject>? _lines;

    /// <summary>The report's expense lines, joined as expense rules see them.</summary>
    /// <remarks>Without messages, only expenses become lines: a report without any has none, and nothing is built.</remarks>
    public IReadOnlyList<ExpenseSubject> Lines =>
        _lines ??= Evidence.Report?.Expenses is { Count: > 0 } ? [.. ExpenseSubjectKind.Instance.Build(this, []).Cast<ExpenseSubject>()] : [];

    /// <summary>
    /// Whether the workspace's billable option is off or unmapped: <c>true</c> when billable expenses are
    /// disabled or not mapped, <c>false</c> when both are observed on, else <c>null</c>.
    /// </summary>
    public bool? BillableOffInWorkspace
    {
        get
        {
            var coding = Evidence.Workspace?.Coding;
            if (coding?.BillableEnabled == false || coding?.BillableMapped == false)
            {
                return true;
            }

            return coding?.BillableEnabled == true && coding.BillableMapped == true ? false : null;
        }
    }

    /// <summary>
    /// Whether the Web Services user is below Read-only on a module that mapping billable expenses to Sage Intacct items
    /// reads (Projects, Purchasing, Inventory Control, Order Entry): <c>true</c> when one is observed below it; <c>false</c>
    /// when all four are observed at Read-only or above; else <c>null</c>.
    /// </summary>
    [Reads("webServicesUser.modules.projects", "webServicesUser.modules.purchasing", "webServicesUser.modules.inventoryControl", "webServicesUser.modules.orderEntry")]
    public bool? BillableItemModuleBelowReadOnly =>
        Kleene.Or(
            Kleene.Or(ModuleBelow("projects", ModuleAccess.ReadOnly), ModuleBelow("purchasing", ModuleAccess.ReadOnly)),
            Kleene.Or(ModuleBelow("inventoryControl", ModuleAccess.ReadOnly), ModuleBelow("orderEntry", ModuleAccess.ReadOnly)));

    /// <summary>Whether any expense carries a tax rate; <c>false</c> when every expense is observed without one; else <c>null</c>.</summary>
    public bool? ReportUsesTaxRate => AnyExpense(x => x.TaxRate is null ? null : x.TaxRate.Length > 0);

    /// <summary>
    /// Whether a tax rate used on the report is one the workspace holds but did not import from Sage
    /// Intacct (created by hand); <c>null</c> when the rates or the list were not observed.
    /// </summary>
    [Reads("workspace.coding.taxRates")]
    public bool? ManualTaxRateUsed => UsedTaxRates(rate => rate is null ? false : rate.Imported is { } imported ? !imported : null);

    /// <summary>
    /// Whether a tax rate used on the report is missing from the workspace's tax list, so it never came
    /// from Sage Intacct; <c>null</c> when the rates or the list were not observed.
    /// </summary>
    [Reads("workspace.coding.taxRates")]
    public bool? UnlistedTaxRateUsed => UsedTaxRates(rate => rate is null);

    /// <summary>
    /// Whether the workspace imports the dimension a message or API error named (by its id, or by its Intacct label)
    /// as a line-level tag: <c>true</c> when its entry is enabled as a tag, <c>false</c> when its entry is disabled or
    /// imports it otherwise (a report field), <c>null</c> when no entry is known to be the dimension's.
    /// </summary>
    /// <param name="dimension">The dimension's id or label, as the text named it.</param>
    public bool? DimensionImportedAsTag(string? dimension)
    {
        if (dimension is null || CodingEntryFor(dimension) is not { } entry)
        {
            return null;
        }

        return entry.Enabled == false || (entry.ImportAs is { } how && how != DimensionImport.Tag) ? false
            : entry.Enabled == true && entry.ImportAs == DimensionImport.Tag ? true
            : null;
    }

    /// <summary>The workspace's entry for a dimension named by id or by its Intacct label; <c>null</c> when none is known.</summary>
    internal CodingDimension? CodingEntryFor(string dimension)
    {
        var coding = Evidence.Workspace?.Coding?.Dimensions;
        if (coding is null)
        {
            return null;
        }

        var byId = coding.FirstOrDefault(c => c is not null && string.Equals(c.Id, dimension, StringComparison.OrdinalIgnoreCase));
        if (byId is not null)
        {
            return byId;
        }

        var record = Evidence.Intacct?.Dimensions?.FirstOrDefault(d => d is not null && string.Equals(d.Label, dimension, StringComparison.OrdinalIgnoreCase));
        return record?.Id is { } id ? coding.FirstOrDefault(c => c is not null && string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)) : null;
    }

    /// <summary>
    /// Whether the workspace imports every one of <paramref name="dimensions"/> as a line-level tag:
    /// <c>false</c> when one is missing from the (observed) coding list, disabled, or imported otherwise;
    /// <c>true</c> when each is enabled as a tag; else <c>null</c>.
    /// </summary>
    /// <param name="dimensions">Dimension ids, compared without regard to case.</param>
    /// <returns>The verdict, or <c>null</c> when unknown or the list is empty.</returns>
    public bool? ImportsAsTags(IReadOnlyList<string> dimensions)
    {
        var coding = Evidence.Workspace?.Coding?.Dimensions;
        if (coding is null || dimensions.Count == 0)
        {
            return null;
        }

        var unknown = false;
        foreach (var dimension in dimensions)
        {
            var entry = coding.FirstOrDefault(c => string.Equals(c.Id, dimension, StringComparison.OrdinalIgnoreCase));
            if (entry is null && CompleteLists.AnyKeyless(coding, static c => c.Id))
            {
                // An entry whose id is not known may be this dimension's.
                unknown = true;
                continue;
            }

            if (entry is null || entry.Enabled == false || (entry.ImportAs is { } how && how != DimensionImport.Tag))
            {
                return false;
            }

            unknown |= entry.Enabled is null || entry.ImportAs is null;
        }

        return unknown ? null : true;
    }

    /// <summary>The line's tags whose value Sage Intacct does not hold at all, as <c>DIMENSION=value</c>.</summary>
    /// <param name="line">The expense line.</param>
    /// <returns>The tags; empty when none or unknown.</returns>
    public IReadOnlyList<string> TagValuesNotInIntacct(ExpenseSubject line) => TagValues(line, inactive: false);

    /// <summary>The line's tags whose value Sage Intacct holds as inactive, as <c>DIMENSION=value</c>.</summary>
    /// <param name="line">The expense line.</param>
    /// <returns>The tags; empty when none or unknown.</returns>
    public IReadOnlyList<string> TagValuesInactive(ExpenseSubject line) => TagValues(line, inactive: true);

    /// <summary>
    /// Whether a tag on the line uses a value Sage Intacct does not hold at all (<see cref="TagValuesNotInIntacct"/>):
    /// <c>true</c> when one is known not to be listed, <c>false</c> when every tag was checked
    /// (<see cref="ExpenseSubject.TagsChecked"/>) and none is, else <c>null</c>.
    /// </summary>
    /// <param name="line">The expense line.</param>
    /// <returns>The verdict, or <c>null</c>.</returns>
    [Reads("report.expenses[{expenseId}].tags")]
    public bool? TagValueNotInIntacct(ExpenseSubject line) => TagValuesNotInIntacct(line).Count > 0 ? true : line.TagsChecked ? false : null;

    /// <summary>
    /// Whether a tag on the line uses a value Sage Intacct holds as inactive (<see cref="TagValuesInactive"/>):
    /// <c>true</c> when one is known to be inactive, <c>false</c> when every tag was checked
    /// (<see cref="ExpenseSubject.TagsChecked"/>) and none is, else <c>null</c>.
    /// </summary>
    /// <param name="line">The expense line.</param>
    /// <returns>The verdict, or <c>null</c>.</returns>
    [Reads("report.expenses[{expenseId}].tags")]
    public bool? TagValueInactive(ExpenseSubject line) => TagValuesInactive(line).Count > 0 ? true : line.TagsChecked ? false : null;

    /// <summary>
    /// Whether the report's submitter (the one employee whose email is exactly theirs) is a resource of
    /// <paramref name="project"/>; <c>null</c> when the project, its resources or the employee is unknown.
    /// </summary>
    /// <param name="project">The project record.</param>
    /// <returns>The verdict, or <c>null</c>.</returns>
    [Reads("intacct.projects[{project}].resourceEmployeeIds", "report.submitterEmail", "intacct.employees[email={person}].id")]
    public bool? SubmitterIsResourceOf(Project? project)
    {
        if (project?.ResourceEmployeeIds is not { } resources || SubmitterEmployee?.Id is not { Length: > 0 } employee)
        {
            return null;
        }

        return resources.Any(r => string.Equals(r, employee, StringComparison.OrdinalIgnoreCase));
    }

    // Several conditions of one rule read the mismatched project; it is worked out once per document.
    private bool _mismatchKnown;
    private string? _mismatchedProject;
    private List<ExpenseSubject>? _mismatchedLines;

    /// <summary>
    /// The first project (by id) on the report whose record is inactive or not linked to the customer
    /// chosen with it, or <c>null</c> when none is known to be.
    /// </summary>
    public string? MismatchedProject
    {
        get
        {
            FindMismatchedProject();
            return _mismatchedProject;
        }
    }

    /// <summary>Whether <see cref="MismatchedProject"/> is not linked to a customer chosen with it; <c>null</c> when unknown.</summary>
    [Reads("intacct.projects[{project}].customerId")]
    public bool? MismatchedProjectUnlinked => MismatchedLines() is { Count: > 0 } lines
        ? lines.Any(l => l.ProjectLinkedToCustomer == false) ? true : lines.All(l => l.ProjectLinkedToCustomer != null) ? false : null
        : null;

    /// <summary>Whether <see cref="MismatchedProject"/> is inactive; <c>null</c> when unknown.</summary>
    [Reads("intacct.projects[{project}].active")]
    public bool? MismatchedProjectInactive => MismatchedLines() is { Count: > 0 } lines ? !lines[0].Project!.Active : null;

    /// <summary>
    /// Whether every expense with a project uses an active project linked to the customer chosen with it
    /// (or is known to have chosen no customer); <c>false</c> when one does not; <c>null</c> when unknown (an expense's
    /// customer not observed) or no expense has a project.
    /// </summary>
    public bool? ProjectsOnReportHealthy => Remembered.Read(ref _projectsOnReportHealthy, this, 0, static (facts, _) => facts.ReadProjectsOnReportHealthy());

    // Read once per document: a verdict and its citation both ask.
    private sbyte _projectsOnReportHealthy;

    private bool? ReadProjectsOnReportHealthy()
    {
        var anyWithProject = false;
        var allHealthy = true;
        foreach (var line in Lines)
        {
            if (!string.IsNullOrEmpty(line.Expense?.Project))
            {
                anyWithProject = true;
                // No customer chosen is "customer": "" (or null); an absent customer is unknown, not none.
                allHealthy &= line.Project?.Active == true && (line.Expense.Customer is "" || line.ProjectLinkedToCustomer == true);
            }
        }

        if (!anyWithProject || Evidence.Intacct?.Projects is null)
        {
            return null;
        }

        if (MismatchedProject is not null)
        {
            return false;
        }

        return allHealthy ? true : null;
    }

    private List<ExpenseSubject>? MismatchedLines()
    {
        FindMismatchedProject();
        return _mismatchedLines;
    }

    private void FindMismatchedProject()
    {
        if (_mismatchKnown)
        {
            return;
        }

        // The least id without regard to case (the first of equals), found in one pass: conditions read
        // this for every export document, most of which have no project at all.
        string? first = null;
        var lines = Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Project is { Id: { } id } p
                && (p.Active == false || lines[i].ProjectLinkedToCustomer == false)
                && (first is null || StringComparer.OrdinalIgnoreCase.Compare(id, first) < 0))
            {
                first = id;
            }
        }

        if (first is not null)
        {
            _mismatchedLines = [];
            foreach (var line in lines)
            {
                if (string.Equals(line.Project?.Id, first, StringComparison.OrdinalIgnoreCase))
                {
                    _mismatchedLines.Add(line);
                }
            }
        }

        _mismatchedProject = first;
        _mismatchKnown = true;
    }

    private bool? UsedTaxRates(Func<TaxRate?, bool?> test)
    {
        var rates = Evidence.Workspace?.Coding?.TaxRates;
        var expenses = Evidence.Report?.Expenses;
        if (rates is null || expenses is null)
        {
            return null;
        }

        var unknown = false;
        foreach (var expense in expenses)
        {
            if (expense.TaxRate is null)
            {
                unknown = true;
                continue;
            }

            if (expense.TaxRate.Length == 0)
            {
                continue;
            }

            var rate = rates.FirstOrDefault(r => string.Equals(r.Name, expense.TaxRate, StringComparison.Ordinal));
            if (rate is null && CompleteLists.AnyKeyless(rates, static r => r.Name))
            {
                // A rate whose name is not known may be this one: listed or not is unknown.
                unknown = true;
                continue;
            }

            switch (test(rate))
            {
                case true:
                    return true;
                case null:
                    unknown = true;
                    break;
            }
        }

        return unknown ? null : false;
    }

    // The line's tags Sage Intacct does not hold (inactive: false) or holds as inactive (inactive: true); its project is one
    // of them where a message or API error named it (ExpenseSubject.ProjectNamed), checked against intacct.projects.
    private List<string> TagValues(ExpenseSubject line, bool inactive)
    {
        var found = new List<string>();
        var dimensions = Evidence.Intacct?.Dimensions;
        if (line.Expense?.Tags is { } tags && dimensions is not null)
        {
            foreach (var (dimension, value) in tags.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase))
            {
                var values = dimensions.FirstOrDefault(d => string.Equals(d.Id, dimension, StringComparison.OrdinalIgnoreCase))?.Values;
                if (values is null)
                {
                    continue;
                }

                var record = values.FirstOrDefault(v => string.Equals(v.Id, value, StringComparison.OrdinalIgnoreCase));
                if (record is null && CompleteLists.AnyKeyless(values, static v => v.Id))
                {
                    // A value whose id is not known may be this one: the tag is neither known listed nor unlisted.
                    continue;
                }

                if (inactive ? record?.Active == false : record is null)
                {
                    found.Add($"{dimension}={value}");
                }
            }
        }

        if (line.ProjectNamed && !string.IsNullOrEmpty(line.Expense?.Project) && (inactive ? line.ProjectListed == true && line.Project?.Active == false : line.ProjectListed == false))
        {
            found.Add($"PROJECT={line.Expense.Project}");
        }

        return found;
    }
}
