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
    [Reads("report.expenses[{expenseId}].tags")]
    public bool? MissesRequiredDimension => MissingRequiredDimensions.Count > 0 ? true : RequiredDimensionsChecked ? false : null;

    /// <summary>The customer chosen on the expense; <c>null</c> when none was chosen or it was not observed.</summary>
    public string? Customer => string.IsNullOrEmpty(Expense?.Customer) ? null : Expense.Customer;

    /// <summary>
    /// Whether the project's record is linked to the customer chosen on the expense: <c>false</c> when the
    /// record's customer is empty or another one; <c>null</c> when the project record, its customer link
    /// or the expense's customer is unknown, or no customer was chosen.
    /// </summary>
    public bool? ProjectLinkedToCustomer =>
        Project?.CustomerId is { } linked && Customer is { } customer
            ? string.Equals(linked, customer, StringComparison.OrdinalIgnoreCase)
            : null;
}
