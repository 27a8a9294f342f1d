using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// Document-level facts about the export's routes and what the report holds (billable, reimbursable or not,
// card transactions). Where and when it posts is in EvidenceFacts.Posting.cs.
public sealed partial class EvidenceFacts
{
    /// <summary>Whether reimbursable expenses export as expense reports; <c>null</c> when the setting was not observed or is unset.</summary>
    [Reads("workspace.export.reimbursable")]
    public bool? ReimbursableAsExpenseReports => Evidence.Workspace?.Export?.Reimbursable switch
    {
        ReimbursableExport.ExpenseReport => true,
        ReimbursableExport.VendorBill => false,
        _ => null,
    };

    /// <summary>Whether the report holds a billable expense; <c>null</c> when no expense says.</summary>
    public bool? ReportHasBillable => AnyExpense(x => x.Billable);

    /// <summary>Whether the report holds an Expensify Card (or other card) transaction; <c>null</c> when no expense says.</summary>
    public bool? ReportHasCardTransaction => AnyExpense(x => x.CardTransaction);

    /// <summary>Whether the report holds a reimbursable expense; <c>null</c> when no expense says.</summary>
    internal bool? ReportHasReimbursable => AnyExpense(x => x.Reimbursable);

    /// <summary>Whether the report holds a non-reimbursable expense; <c>null</c> when no expense says.</summary>
    internal bool? ReportHasNonReimbursable => AnyExpense(x => x.Reimbursable is { } r ? !r : null);

    private bool? AnyExpense(Func<Expense, bool?> test)
    {
        var expenses = Evidence.Report?.Expenses;
        if (expenses is null)
        {
            return null;
        }

        var unknown = false;
        foreach (var expense in expenses)
        {
            switch (test(expense))
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
}
