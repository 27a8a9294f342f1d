namespace IntacctSync.Rules.Rules.Subjects;

// Line-level facts for the "Lines" rules (INT073, INT083, INT084, INT205, INT304, INT459, INT480, INT680).
public sealed partial class ExpenseSubject
{
    /// <summary>Whether a message of <paramref name="code"/> named this line.</summary>
    /// <param name="code">The code, such as <c>INT083</c>.</param>
    /// <returns><c>true</c> when such a message named the line.</returns>
    public bool NamedBy(string code) => Mentions.Any(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

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
