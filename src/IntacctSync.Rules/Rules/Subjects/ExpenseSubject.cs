using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

/// <summary>
/// One expense line as rule expressions see it (parameter <c>d</c> of rules whose subject is
/// <c>expense</c>): the expense, the route it exports by, and the workspace and Intacct records it
/// reaches (category, expense type, account, project, tag values), joined once per document.
/// </summary>
/// <remarks>
/// Every <see cref="bool"/>? is three-valued: <c>null</c> means the evidence does not say. A record
/// property is <c>null</c> both when its list was not observed and when the list lacks it; the
/// matching <c>…Listed</c> property tells the two apart.
/// </remarks>
public sealed partial class ExpenseSubject
{
    internal ExpenseSubject(Expense? expense, int index)
    {
        Expense = expense;
        Index = index;
    }

    /// <summary>The expense, or <c>null</c> for a line that only a message named.</summary>
    public Expense? Expense { get; }

    /// <summary>The expense's position in <c>report.expenses</c>, or -1.</summary>
    public int Index { get; }

    /// <summary>The 1-based line of the Intacct transaction, from the expense or the message.</summary>
    public int? Line => Expense?.Line ?? MessageLine;

    /// <summary>The category, as the expense carries it; empty means uncategorized.</summary>
    public string? Category => Expense?.Category ?? MessageCategory;

    /// <summary>Whether the expense is uncategorized; <c>null</c> when its category was not observed.</summary>
    [Reads("report.expenses[{expenseId}].category")]
    public bool? Uncategorized => Expense?.Category is null ? null : Expense.Category.Length == 0;

    /// <summary>Whether it is billable.</summary>
    [Reads("report.expenses[{expenseId}].billable")]
    public bool? Billable => Expense?.Billable;

    /// <summary>Whether it is reimbursable.</summary>
    public bool? Reimbursable => Expense?.Reimbursable;

    /// <summary>The amount.</summary>
    public decimal? Amount => Expense?.Amount;

    /// <summary>Whether the amount is zero.</summary>
    public bool? ZeroAmount => Amount is null ? null : Amount == 0m;

    /// <summary>Whether it exports as (part of) an expense report; <c>null</c> when the route is unknown.</summary>
    public bool? ExportsAsExpenseReport { get; internal set; }

    /// <summary>Whether it exports as a vendor bill.</summary>
    public bool? ExportsAsVendorBill { get; internal set; }

    /// <summary>Whether it exports as a credit card charge.</summary>
    public bool? ExportsAsCreditCard { get; internal set; }

    /// <summary>The workspace category record, matched by exact name.</summary>
    public Category? CategoryRecord { get; internal set; }

    /// <summary>Whether the workspace lists the category; <c>null</c> when the list was not observed or the expense has none.</summary>
    public bool? CategoryListed { get; internal set; }

    /// <summary>The Intacct expense type the category maps to.</summary>
    public ExpenseType? ExpenseType { get; internal set; }

    /// <summary>Whether Intacct lists that expense type; <c>null</c> when unknown.</summary>
    public bool? ExpenseTypeListed { get; internal set; }

    /// <summary>
    /// The account the line posts to: the expense type's account on an expense report, the category's
    /// account on a vendor bill or card charge.
    /// </summary>
    public GlAccount? Account { get; internal set; }

    /// <summary>The number of the account the line posts to, where known.</summary>
    public string? AccountNumber { get; internal set; }

    /// <summary>Whether Intacct lists that account; <c>null</c> when unknown.</summary>
    public bool? AccountListed { get; internal set; }

    /// <summary>The project record, by the expense's project id.</summary>
    public Project? Project { get; internal set; }

    /// <summary>Whether Intacct lists the project; <c>null</c> when unknown or the expense has none.</summary>
    internal bool? ProjectListed { get; set; }

    /// <summary>The workspace tax rate record, by name.</summary>
    internal TaxRate? TaxRateRecord { get; set; }

    /// <summary>
    /// The tags whose value Intacct does not hold or holds as inactive, as <c>DIMENSION=value</c>;
    /// empty when every tag checks out or none could be checked.
    /// </summary>
    public IReadOnlyList<string> InvalidTags { get; internal set; } = [];

    /// <summary>Whether every tag could be checked against the dimension's values.</summary>
    public bool TagsChecked { get; internal set; }

    /// <summary>The dimensions the account requires that the line does not carry.</summary>
    public IReadOnlyList<string> MissingRequiredDimensions { get; internal set; } = [];

    /// <summary>Whether the account's required dimensions could be checked (account and tags observed).</summary>
    public bool RequiredDimensionsChecked { get; internal set; }

    /// <summary>The line a message named, when no expense carries it.</summary>
    internal int? MessageLine { get; set; }

    /// <summary>The category a message named, when no expense carries it.</summary>
    internal string? MessageCategory { get; set; }

    /// <summary>
    /// The dimension a message or API error of the line's code named as required and missing ("is missing the
    /// Department dimension for the Account 6100"), or <c>null</c>.
    /// </summary>
    public string? NamedDimension { get; internal set; }

    /// <summary>Whether a message or API error named this line's project (as INT084's "Invalid Project" does): it is then checked like a tag.</summary>
    internal bool ProjectNamed { get; set; }

    /// <summary>The messages that named this line: the code and the message's index.</summary>
    internal List<(string Code, int Index)> Mentions { get; } = [];

    /// <summary>Whether any message named this line.</summary>
    public bool NamedInMessage => Mentions.Count > 0;
}
