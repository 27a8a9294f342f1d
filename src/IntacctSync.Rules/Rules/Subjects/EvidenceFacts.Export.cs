using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// Document-level facts about the export: its routes, the credit card, the periods, the user's rights.
public sealed partial class EvidenceFacts
{
    private static readonly (string Name, Func<ModuleRights, ModuleAccess?> Get)[] ModuleReaders =
    [
        ("administration", m => m.Administration), ("company", m => m.Company), ("generalLedger", m => m.GeneralLedger),
        ("accountsPayable", m => m.AccountsPayable), ("accountsReceivable", m => m.AccountsReceivable),
        ("cashManagement", m => m.CashManagement), ("timeAndExpenses", m => m.TimeAndExpenses), ("projects", m => m.Projects),
        ("platformServices", m => m.PlatformServices), ("purchasing", m => m.Purchasing),
        ("inventoryControl", m => m.InventoryControl), ("orderEntry", m => m.OrderEntry),
    ];

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

    /// <summary>The credit card that non-reimbursable expenses export to, from <c>intacct.creditCards</c>.</summary>
    internal CreditCard? ExportCreditCard =>
        Evidence.Workspace?.Export?.CreditCardId is { Length: > 0 } id
            ? FirstByKey(Evidence.Intacct?.CreditCards, id, static c => c.Id)
            : null;

    /// <summary>Whether the export's credit card expired before today; <c>null</c> when unknown.</summary>
    internal bool? ExportCreditCardExpired => ExportCreditCard?.ExpiresOn is { } expires ? expires < Today : null;

    /// <summary>The account linked to the export's credit card, from <c>intacct.accounts</c>.</summary>
    public GlAccount? ExportCreditCardAccount =>
        ExportCreditCard?.AccountNumber is { Length: > 0 } number
            ? FirstByKey(Evidence.Intacct?.Accounts, number, static a => a.Number)
            : null;

    /// <summary>Whether the report's export date falls in a closed period (on or before <c>closedThrough</c>); <c>null</c> when unknown.</summary>
    public bool? ExportDateInClosedPeriod =>
        Evidence.Report?.ExportDate is { } date && Evidence.Intacct?.Periods?.ClosedThrough is { } closed ? date <= closed : null;

    /// <summary>The first day after <c>closedThrough</c> as MM/dd/yyyy (INT035's cut-off date), where known.</summary>
    public string? FirstOpenDate =>
        Evidence.Intacct?.Periods?.ClosedThrough is { } closed
            ? closed.AddDays(1).ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The Web Services user's level on a module (<c>generalLedger</c>, ...); <c>null</c> when not observed.</summary>
    /// <param name="module">The module key, as in <c>webServicesUser.modules</c>.</param>
    /// <returns>The level, or <c>null</c>.</returns>
    internal ModuleAccess? Module(string module)
    {
        var modules = Evidence.WebServicesUser?.Modules;
        if (modules is null)
        {
            return null;
        }

        foreach (var (name, get) in ModuleReaders)
        {
            if (name == module)
            {
                return get(modules);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(module), module, "Not a module key of webServicesUser.modules.");
    }

    /// <summary>
    /// Whether the user's level on <paramref name="module"/> is below <paramref name="needed"/>
    /// (None &lt; ReadOnly &lt; All); <c>null</c> when the level was not observed.
    /// </summary>
    /// <param name="module">The module key.</param>
    /// <param name="needed">The level the integration needs.</param>
    /// <returns>Whether the level is too low, or <c>null</c>.</returns>
    public bool? ModuleBelow(string module, ModuleAccess needed) =>
        Module(module) is { } level ? level < needed : null;

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
