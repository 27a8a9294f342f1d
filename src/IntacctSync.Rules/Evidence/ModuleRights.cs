namespace IntacctSync.Rules.Evidence;

/// <summary>The Web Services user's effective rights per module (subscriptions, or the union of roles).</summary>
/// <remarks>Immutable and safe to share between threads. An absent (<c>null</c>) property means "not observed".</remarks>
public sealed class ModuleRights
{
    /// <summary>Administration.</summary>
    public ModuleAccess? Administration { get; init; }

    /// <summary>Company.</summary>
    public ModuleAccess? Company { get; init; }

    /// <summary>General Ledger.</summary>
    public ModuleAccess? GeneralLedger { get; init; }

    /// <summary>Accounts Payable.</summary>
    public ModuleAccess? AccountsPayable { get; init; }

    /// <summary>Accounts Receivable.</summary>
    public ModuleAccess? AccountsReceivable { get; init; }

    /// <summary>Cash Management.</summary>
    public ModuleAccess? CashManagement { get; init; }

    /// <summary>Time &amp; Expenses.</summary>
    public ModuleAccess? TimeAndExpenses { get; init; }

    /// <summary>Projects.</summary>
    public ModuleAccess? Projects { get; init; }

    /// <summary>Platform Services.</summary>
    public ModuleAccess? PlatformServices { get; init; }

    /// <summary>Purchasing.</summary>
    public ModuleAccess? Purchasing { get; init; }

    /// <summary>Inventory Control.</summary>
    public ModuleAccess? InventoryControl { get; init; }

    /// <summary>Order Entry.</summary>
    public ModuleAccess? OrderEntry { get; init; }
}
