namespace IntacctSync.Rules.Rules.Subjects;

// Line-level facts for the "Lines" rules (INT073, INT083, INT084, INT205, INT304, INT459, INT480, INT680).
public sealed partial class ExpenseSubject
{
    /// <summary>Whether a message of <paramref name="code"/> named this line.</summary>
    /// <param name="code">The code, such as <c>INT083</c>.</param>
    /// <returns><c>true</c> when such a message named the line.</returns>
    public bool NamedBy(string code) => Mentions.Any(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether the line's category, or the expense type (expense report) or account (vendor bill, card charge) it posts
    /// through, is missing from its list or inactive: <c>true</c> when one is known to be; <c>false</c> when the line is
    /// uncategorized, or its category and the route's expense type or account are known active; else <c>null</c>.
    /// </summary>
    [Reads("report.expenses[{expenseId}].category")]
    public bool? CategoryCodingInvalid =>
        CategoryListed == false || CategoryRecord?.Active == false
            || (ExportsAsExpenseReport == true && (ExpenseTypeListed == false || ExpenseType?.Active == false))
            || (ExportsAsExpenseReport == false && (AccountListed == false || Account?.Active == false))
            ? true
            : Uncategorized == true
                || (CategoryRecord?.Active == true
                    && ((ExportsAsExpenseReport == true && ExpenseType?.Active == true) || (ExportsAsExpenseReport == false && Account?.Active == true)))
                ? false
                : null;

    /// <summary>
    /// Whether a tag on the line (or the project a message named) holds a value Sage Intacct lacks or holds inactive
    /// (<see cref="InvalidTags"/>): <c>true</c> when one is known to; <c>false</c> when every one was checked
    /// (<see cref="TagsChecked"/>) and none does; else <c>null</c>.
    /// </summary>
    [Reads("report.expenses[{expenseId}].tags")]
    public bool? HasInvalidTag => InvalidTags.Count > 0 ? true : TagsChecked ? false : null;

    /// <summary>
    /// Whether the line lacks a dimension its account requires (<see cref="MissingRequiredDimensions"/>): <c>true</c>
    /// when one is known missing; <c>false</c> when they were checked (<see cref="RequiredDimensionsChecked"/>) and none
    /// is; else <c>null</c>.
    /// </summary>
    [Reads("intacct.accounts[number={account}].requiredDimensions", "report.expenses[{expenseId}].tags")]
    public bool? MissesRequiredDimension => MissingRequiredDimensions.Count > 0 ? true : RequiredDimensionsChecked ? false : null;

    /// <summary>
    /// Whether the workspace lists the line's category (<see cref="CategoryListed"/>), as a fact read from the line's
    /// category and the workspace's category record.
    /// </summary>
    [Reads("report.expenses[{expenseId}].category", "workspace.coding.categories[{category}].name")]
    public bool? CategoryInWorkspace => CategoryListed;

    /// <summary>Whether the line's workspace category is enabled; <c>null</c> when its record is unknown.</summary>
    [Reads("workspace.coding.categories[{category}].active")]
    public bool? CategoryActive => CategoryRecord?.Active;

    /// <summary>Whether the line's workspace category has been synced from Sage Intacct; <c>null</c> when unknown.</summary>
    [Reads("workspace.coding.categories[{category}].synced")]
    public bool? CategorySynced => CategoryRecord?.Synced;

    /// <summary>
    /// Whether the line exports on an expense report (<see cref="ExportsAsExpenseReport"/>), as a fact read from the
    /// line's reimbursable flag and the workspace's export settings.
    /// </summary>
    [Reads("report.expenses[{expenseId}].reimbursable", "workspace.export.reimbursable", "workspace.export.nonReimbursable")]
    public bool? ExportRouteIsExpenseReport => ExportsAsExpenseReport;

    /// <summary>
    /// Whether the Sage Intacct expense type behind the line's category exists and is active: <c>false</c> when Intacct
    /// does not list it or holds it inactive; <c>null</c> when unknown.
    /// </summary>
    [Reads("workspace.coding.categories[{category}].expenseTypeId")]
    public bool? ExpenseTypeActive => ExpenseTypeListed == false ? false : ExpenseType?.Active;

    /// <summary>
    /// Whether the GL account the line posts to (<see cref="Account"/>) exists and is active: <c>false</c> when Intacct
    /// does not list it or holds it inactive; <c>null</c> when unknown.
    /// </summary>
    [Reads("workspace.coding.categories[{category}].accountNumber")]
    public bool? AccountActive => AccountListed == false ? false : Account?.Active;

    /// <summary>
    /// Whether every dimension the line lacks though its account requires it (<see cref="MissingRequiredDimensions"/>) is
    /// imported as a line-level tag: <c>false</c> when one is known not to be (disabled, imported otherwise, or not in the
    /// workspace's list); <c>true</c> when each is known enabled as a tag; <c>null</c> when none is known missing or the
    /// workspace's entries do not say.
    /// </summary>
    [Reads("workspace.coding.dimensions[{missingDimensions}]")]
    public bool? MissingDimensionsImportedAsTags { get; internal set; }

    /// <summary>Whether a message or API error named a dimension as required and missing on this line (<see cref="NamedDimension"/>).</summary>
    public bool DimensionNamed => NamedDimension is not null;

    /// <summary>
    /// Whether the dimension a message or API error named as required and missing (<see cref="NamedDimension"/>) is
    /// imported as a line-level tag: <c>false</c> when its workspace entry is disabled or imports it otherwise; <c>true</c>
    /// when it is enabled as a tag; <c>null</c> when no dimension was named or its entry does not say.
    /// </summary>
    [Reads("workspace.coding.dimensions[{namedDimensionKey}]")]
    public bool? NamedDimensionImportedAsTag { get; internal set; }

    /// <summary>Whether the Sage Intacct expense type behind the line's category allows billable expenses; <c>null</c> when unknown.</summary>
    [Reads("workspace.coding.categories[{category}].expenseTypeId")]
    public bool? ExpenseTypeBillable => ExpenseType?.Billable;

    /// <summary>Whether the GL account the line posts to (<see cref="Account"/>) allows billable transactions; <c>null</c> when unknown.</summary>
    [Reads("workspace.coding.categories[{category}].accountNumber")]
    public bool? AccountBillable => Account?.Billable;

    /// <summary>The customer chosen on the expense; <c>null</c> when none was chosen or it was not observed.</summary>
    public string? Customer => string.IsNullOrEmpty(Expense?.Customer) ? null : Expense.Customer;

    /// <summary>
    /// Whether the project's record is linked to the customer chosen on the expense: <c>false</c> when the
    /// record's customer is empty or another one; <c>null</c> when the project record, its customer link
    /// or the expense's customer is unknown, or no customer was chosen.
    /// </summary>
    internal bool? ProjectLinkedToCustomer =>
        Project?.CustomerId is { } linked && Customer is { } customer
            ? string.Equals(linked, customer, StringComparison.OrdinalIgnoreCase)
            : null;
}
