using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// Document-level facts for the "Access" codes: signing in and sessions (INT122, INT176, INT907, INT993),
// the Web Services user's module rights and levels against the integration's baseline (INT245, INT043), the
// Expensify Card liability account (INT068, INT498) and the Time & Expenses set-up (INT503, INT576, INT012).
// Every fact is three-valued where the evidence can be silent: null means "not observed".
public sealed partial class EvidenceFacts
{
    private static readonly string[] SenderIdTexts =
    [
        "invalid web services authorization", "is not authorized to make web services requests", "xml partner id",
    ];

    private static readonly string[] CredentialTexts = ["sign-in information is incorrect", "login information is incorrect"];

    private static readonly string[] GatewaySignInErrors = ["XMLGW_JPP0002", "UJPP0002"];

    // A rate limit (GW-0010, HTTP 429) stops the request at control level too, but says nothing about the
    // sign-in: back off and retry.
    private static readonly string[] RequestErrorTexts = ["xml parse", "not a valid transport policy", "rate limit exceeded"];

    // The company's own state stops every request at control level (PL04000055, "This company is a demo company and
    // has expired"): nothing about the integration's sign-in, so no authentication code's cause.
    private static readonly string[] CompanyStateTexts =
    [
        "demo company", "company has expired", "company is expired", "trial has expired", "subscription has expired",
        "company is suspended", "company has been suspended", "company is inactive", "company has been deactivated",
    ];

    private static readonly string[] CompanyStateErrors = ["PL04000055"];

    private static readonly string[] OutageTexts = ["temporarily unavailable", "service unavailable"];

    private static readonly string[] WrapperTexts =
    [
        "could not create", "can't create the transaction", "cannot create the transaction", "rolled back",
    ];

    /// <summary>
    /// An API error refused the sign-in itself: it came at the control or authentication level, it is a
    /// gateway sign-in error (<c>XMLGW_JPP0002</c>, <c>UJPP0002</c>), or the response was HTTP 401.
    /// </summary>
    public bool SignInApiErrorSeen => SignInApiErrors.Count > 0;

    /// <summary>A sign-in API error says the sender ID is not authorized for the company, or the sender (XML partner) ID or password is wrong.</summary>
    [Reads("apiErrors[{senderIdError}].errorNo", "apiErrors[{senderIdError}].description", "apiErrors[{senderIdError}].description2", "apiErrors[{senderIdError}].correction")]
    public bool SenderIdRejectedByApi => SignInApiErrors.Any(a => Mentions(a, SenderIdTexts));

    /// <summary>A sign-in API error says the company user's sign-in information is incorrect.</summary>
    [Reads("apiErrors[{credentialsError}].errorNo", "apiErrors[{credentialsError}].description", "apiErrors[{credentialsError}].description2", "apiErrors[{credentialsError}].correction")]
    public bool CredentialsRejectedByApi => SignInApiErrors.Any(a => Mentions(a, CredentialTexts));

    /// <summary>
    /// A sign-in API error that names neither the sender ID nor the user's credentials: Sage Intacct could not
    /// validate the request. Unknown when such an error carries no text at all (it may name either).
    /// </summary>
    [Reads("apiErrors[{signInError}].errorNo", "apiErrors[{signInError}].description", "apiErrors[{signInError}].description2", "apiErrors[{signInError}].correction")]
    public bool? SignInRejectedOtherwise
    {
        get
        {
            bool? otherwise = false;
            foreach (var error in SignInApiErrors)
            {
                if (Mentions(error, SenderIdTexts) || Mentions(error, CredentialTexts))
                {
                    continue;
                }

                // Another reason when the error says something else; with no text at all it may name either.
                if (HasNoText(error))
                {
                    otherwise = null;
                }
                else
                {
                    return true;
                }
            }

            return otherwise;
        }
    }

    /// <summary>An API error says an API session could not be created (<c>getAPISession</c>, "Get API Session Failed").</summary>
    [Reads("apiErrors[{sessionError}].errorNo", "apiErrors[{sessionError}].description", "apiErrors[{sessionError}].description2", "apiErrors[{sessionError}].correction")]
    public bool SessionApiErrorSeen => (Evidence.ApiErrors ?? []).Any(IsSessionError);

    private static bool IsSessionError(ApiError? a) =>
        a is not null
        && (string.Equals(a.Function, "getAPISession", StringComparison.OrdinalIgnoreCase)
            || (a.ErrorNo?.Contains("API Session", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <summary>Sage Intacct could not serve the request: HTTP 5xx, gateway error <c>GW-0001</c>, or a "temporarily unavailable" text.</summary>
    [Reads("apiErrors[{outageError}].httpStatus", "apiErrors[{outageError}].errorNo", "apiErrors[{outageError}].description", "apiErrors[{outageError}].description2", "apiErrors[{outageError}].correction")]
    public bool IntacctUnavailable => (Evidence.ApiErrors ?? []).Any(a => a is not null && IsOutage(a));

    /// <summary>An API error is about creating a credit card transaction (<c>cctransaction</c>).</summary>
    [Reads("apiErrors[{cardTransactionError}].errorNo", "apiErrors[{cardTransactionError}].description", "apiErrors[{cardTransactionError}].description2", "apiErrors[{cardTransactionError}].correction")]
    public bool CardTransactionCreateFailed => CardTransactionErrors.Any();

    /// <summary>
    /// An API error about the <c>cctransaction</c>, or a sibling of the same call (same function), carries data-specific
    /// detail (a result-level error other than the generic "could not create" wrappers): a data problem of another
    /// code, not INT993.
    /// </summary>
    public bool CardTransactionErrorHasDetail
    {
        get
        {
            // The detail may sit in a sibling error of the same call that does not name cctransaction itself (the
            // wrapper "Could not create cctransaction record!" beside "the account 6100 is restricted"): the wrapper
            // only repeats that the call failed, so the sibling is the card transaction's detail.
            // The card transaction errors are found once: asking the filter again for every error was quadratic.
            var cards = new HashSet<ApiError>(CardTransactionErrors, ReferenceEqualityComparer.Instance);
            var calls = cards.Select(a => a.Function ?? string.Empty).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return calls.Count > 0 && (Evidence.ApiErrors ?? []).Any(a =>
                a is not null
                && (cards.Contains(a) || calls.Contains(a.Function ?? string.Empty))
                && (a.Level is null or ApiErrorLevel.Result)
                && (a.HttpStatus is null or < 500)
                && !Mentions(a, WrapperTexts)
                && !string.IsNullOrWhiteSpace((a.Description ?? string.Empty) + (a.Description2 ?? string.Empty)));
        }
    }

    /// <summary>
    /// Whether a Cash or Accrual journal of the Expensify Card settings is observed empty (<c>""</c>):
    /// <c>true</c> when one is, <c>false</c> when both hold a name, <c>null</c> otherwise.
    /// </summary>
    public bool? ExpensifyCardJournalMissing
    {
        get
        {
            var card = Evidence.Workspace?.ExpensifyCard;
            if (card is null)
            {
                return null;
            }

            if (IsBlankObserved(card.CashJournal) || IsBlankObserved(card.AccrualJournal))
            {
                return true;
            }

            return !string.IsNullOrWhiteSpace(card.CashJournal) && !string.IsNullOrWhiteSpace(card.AccrualJournal) ? false : null;
        }
    }

    /// <summary>Whether the Cash journal of the Expensify Card settings is observed empty; <c>null</c> when not observed.</summary>
    [Reads("workspace.expensifyCard.cashJournal")]
    public bool? CashJournalMissing => JournalMissing(Evidence.Workspace?.ExpensifyCard?.CashJournal, Evidence.Workspace?.ExpensifyCard);

    /// <summary>Whether the Accrual journal of the Expensify Card settings is observed empty; <c>null</c> when not observed.</summary>
    [Reads("workspace.expensifyCard.accrualJournal")]
    public bool? AccrualJournalMissing => JournalMissing(Evidence.Workspace?.ExpensifyCard?.AccrualJournal, Evidence.Workspace?.ExpensifyCard);

    /// <summary>
    /// Whether the Web Services user holds List, View, Add, Edit and Delete on <c>GLACCOUNT</c> (the
    /// liability account INT068 creates); <c>null</c> when its rights on the object were not observed.
    /// </summary>
    [Reads("webServicesUser.objects[GLACCOUNT]")]
    public bool? UserCanManageAccounts
    {
        get
        {
            var objects = Evidence.WebServicesUser?.Objects;
            if (objects is null)
            {
                return null;
            }

            foreach (var (name, rights) in objects)
            {
                if (string.Equals(name, "GLACCOUNT", StringComparison.OrdinalIgnoreCase))
                {
                    return new[] { ObjectRight.List, ObjectRight.View, ObjectRight.Add, ObjectRight.Edit, ObjectRight.Delete }.All(rights.Contains);
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Whether the Web Services user may reach the entity the connection syncs at; <c>null</c> when the
    /// connection is not at an entity, or the user's entities were not observed.
    /// </summary>
    [Reads("connection.entityId", "webServicesUser.entities")]
    public bool? UserReachesSyncEntity =>
        Evidence.Connection?.EntityId is { Length: > 0 } entity && Evidence.WebServicesUser?.Entities is { } entities
            ? entities.Contains(entity, StringComparer.OrdinalIgnoreCase)
            : null;

    /// <summary>
    /// Whether an export route is an expense report: <c>true</c> when the reimbursable or non-reimbursable
    /// route is; <c>false</c> when both routes were observed and neither is; <c>null</c> otherwise (an unobserved
    /// route may be one).
    /// </summary>
    [Reads("workspace.export.reimbursable", "workspace.export.nonReimbursable")]
    public bool? UsesExpenseReports
    {
        get
        {
            var export = Evidence.Workspace?.Export;
            if (export?.Reimbursable == ReimbursableExport.ExpenseReport || export?.NonReimbursable == NonReimbursableExport.ExpenseReport)
            {
                return true;
            }

            return export?.Reimbursable is null || export.NonReimbursable is null ? null : false;
        }
    }

    /// <summary>Whether an export route is a vendor bill; <c>false</c> when both routes were observed and neither is; <c>null</c> otherwise.</summary>
    internal bool? UsesVendorBills
    {
        get
        {
            var export = Evidence.Workspace?.Export;
            if (export?.Reimbursable == ReimbursableExport.VendorBill || export?.NonReimbursable == NonReimbursableExport.VendorBill)
            {
                return true;
            }

            return export?.Reimbursable is null || export.NonReimbursable is null ? null : false;
        }
    }

    /// <summary>
    /// Whether projects are used: a report line carries a project, or the workspace imports the
    /// <c>PROJECT</c> or <c>CUSTOMER</c> dimension; <c>false</c> when neither and every line of the report says it
    /// has no project; else <c>null</c>.
    /// </summary>
    internal bool? ProjectsUsed
    {
        get
        {
            if (Evidence.Report?.Expenses?.Any(x => !string.IsNullOrWhiteSpace(x.Project)) == true)
            {
                return true;
            }

            var coding = Evidence.Workspace?.Coding?.Dimensions;
            if (coding?.Any(c => c.Enabled == true && (string.Equals(c.Id, "PROJECT", StringComparison.OrdinalIgnoreCase) || string.Equals(c.Id, "CUSTOMER", StringComparison.OrdinalIgnoreCase))) == true)
            {
                return true;
            }

            // No project seen: not used only when the report's lines are known and each says it has none (an
            // absent report, or an absent project on a line, is unknown).
            var expenses = Evidence.Report?.Expenses;
            return expenses is null || expenses.Any(x => x.Project is null) ? null : false;
        }
    }

    /// <summary>
    /// A module the integration needs is below its level (Administration All, Company Read-only, Cash
    /// Management All, General Ledger All, Time &amp; Expenses All unless reimbursable expenses export as
    /// vendor bills, Projects Read-only when projects are used, Accounts Payable All when vendor bills are
    /// used): <c>true</c> when one is, <c>false</c> when every needed module was observed at its level,
    /// <c>null</c> otherwise.
    /// </summary>
    /// <remarks>
    /// Cited by the module rights and the export routes that decide whether Time &amp; Expenses and Accounts Payable are
    /// needed; whether projects are used is read from the report's lines and the workspace's dimensions, which are
    /// not one fact to cite.
    /// </remarks>
    [Reads("webServicesUser.modules", "workspace.export.reimbursable", "workspace.export.nonReimbursable")]
    public bool? BaselineModuleMissing => CachedBaseline(ref _baselineMissing, static m => m.Level < m.Needed);

    /// <summary>
    /// A module the integration needs is granted, but below its level (Read-only where All is needed):
    /// <c>true</c> when one is, <c>false</c> when every needed module was observed and none is granted
    /// below its level, <c>null</c> otherwise.
    /// </summary>
    [Reads("webServicesUser.modules", "workspace.export.reimbursable", "workspace.export.nonReimbursable")]
    public bool? BaselineModuleBelowGranted => CachedBaseline(ref _baselineBelowGranted, static m => m.Level > ModuleAccess.None && m.Level < m.Needed);

    /// <summary>
    /// A module the integration needs is not granted at all (<c>none</c>, or observed unset): the
    /// application was not ticked under the user's subscriptions. <c>false</c> when every needed module
    /// was observed above <c>none</c>.
    /// </summary>
    [Reads("webServicesUser.modules", "workspace.export.reimbursable", "workspace.export.nonReimbursable")]
    public bool? BaselineModuleNotSubscribed => CachedBaseline(ref _baselineNotSubscribed, static m => m.Level <= ModuleAccess.None);

    // The three baseline facts, read once per document: the gates and causes of INT043, INT245 and INT907 read them for
    // every document, healthy ones too, and each read walks the needed modules.
    private bool? CachedBaseline(ref sbyte field, Func<(ModuleAccess? Level, ModuleAccess Needed), bool> failing) =>
        Remembered.Read(ref field, this, failing, static (facts, failing) => facts.Baseline(failing));

    private sbyte _baselineMissing;
    private sbyte _baselineBelowGranted;
    private sbyte _baselineNotSubscribed;

    private bool? Baseline(Func<(ModuleAccess? Level, ModuleAccess Needed), bool> failing)
    {
        if (Evidence.WebServicesUser?.Modules is null)
        {
            return null;
        }

        var unknown = false;
        foreach (var (module, needed, requiredOf) in BaselineModules)
        {
            var required = requiredOf(this);
            if (required == false)
            {
                continue;
            }

            var level = Module(module);
            if (level is null)
            {
                unknown = true;
                continue;
            }

            if (failing((level == ModuleAccess.Unset ? ModuleAccess.None : level, needed)))
            {
                if (required == true)
                {
                    return true;
                }

                unknown = true;
            }
        }

        return unknown ? null : false;
    }

    // A table rather than an iterator: the baseline is checked for every document, healthy ones too.
    private static readonly (string Module, ModuleAccess Needed, Func<EvidenceFacts, bool?> Required)[] BaselineModules =
    [
        ("administration", ModuleAccess.All, static _ => true),
        ("company", ModuleAccess.ReadOnly, static _ => true),
        ("cashManagement", ModuleAccess.All, static _ => true),
        ("generalLedger", ModuleAccess.All, static _ => true),
        ("timeAndExpenses", ModuleAccess.All, static f => f.UsesExpenseReports),
        ("projects", ModuleAccess.ReadOnly, static f => f.ProjectsUsed),
        ("accountsPayable", ModuleAccess.All, static f => f.UsesVendorBills),
    ];

    /// <summary>
    /// The fact-path selector (<see cref="ApiErrorSelector(int)"/>) of the first API error of a kind a document rule
    /// cites (<c>{signInError}</c> and its siblings). A format 1 cause that cites it is established by that very error,
    /// so one exists; <c>#0</c> only as a last resort. A format 2 condition cites it only when one exists
    /// (<see cref="HasApiErrorOf"/>): a sighting that is false read no error.
    /// </summary>
    internal string ApiErrorSelector(string kind) =>
        FirstApiErrorOf(kind) is var index and >= 0 ? ApiErrorSelector(index) : "#0";

    /// <summary>Whether the document has an API error of a kind a document rule cites (<see cref="ApiErrorKinds"/>).</summary>
    internal bool HasApiErrorOf(string kind) => FirstApiErrorOf(kind) >= 0;

    /// <summary>
    /// The index of the first API error of a kind (<see cref="ApiErrorKinds"/>), or -1. Found once per document and kind:
    /// a report asks it for every fact it cites or asks for through <c>{senderIdError}</c> and its siblings, and telling
    /// an error's kind searches its texts.
    /// </summary>
    private int FirstApiErrorOf(string kind)
    {
        var slot = Array.IndexOf(ApiErrorKinds, kind);
        if (slot < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an API error kind.");
        }

        _firstApiErrorOf ??= [.. Enumerable.Repeat(Unsearched, ApiErrorKinds.Length)];
        if (_firstApiErrorOf[slot] == Unsearched)
        {
            var errors = Evidence.ApiErrors ?? [];
            var found = -1;
            for (var i = 0; i < errors.Count && found < 0; i++)
            {
                if (errors[i] is { } error && IsOfKind(error, kind))
                {
                    found = i;
                }
            }

            _firstApiErrorOf[slot] = found;
        }

        return _firstApiErrorOf[slot];
    }

    private const int Unsearched = -2;

    private int[]? _firstApiErrorOf;

    /// <summary>
    /// The selector that reads back exactly <c>apiErrors[index]</c>: by its <c>object</c> when it is the first error
    /// naming that object, else by its error number when that is an Intacct error number (<c>BL01001973</c>,
    /// <c>GW-0010</c>; a filler such as <c>XXX</c> names nothing) and it is the first error with it, else by position.
    /// </summary>
    internal string ApiErrorSelector(int index)
    {
        var error = Evidence.ApiErrors![index];
        if (!string.IsNullOrWhiteSpace(error.Object) && FirstApiErrorWithObject(error.Object) == index)
        {
            return "object=" + FactKey.Escape(error.Object);
        }

        if (error.ErrorNo is { } number && IsIntacctErrorNumber(number) && FirstApiErrorWithNumber(number) == index)
        {
            return "errorNo=" + number;
        }

        return "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsOfKind(ApiError error, string kind) => kind switch
    {
        "senderIdError" => IsSignInError(error) && Mentions(error, SenderIdTexts),
        "credentialsError" => IsSignInError(error) && Mentions(error, CredentialTexts),
        "signInError" => IsSignInError(error) && !Mentions(error, SenderIdTexts) && !Mentions(error, CredentialTexts) && !HasNoText(error),
        "sessionError" => IsSessionError(error),
        "outageError" => IsOutage(error),
        "cardTransactionError" => IsCardTransactionError(error),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an API error kind."),
    };

    /// <summary>An error whose three texts are all empty: it may name any reason.</summary>
    private static bool HasNoText(ApiError error) =>
        string.IsNullOrWhiteSpace(error.Description) && string.IsNullOrWhiteSpace(error.Description2) && string.IsNullOrWhiteSpace(error.Correction);

    /// <summary>The template names <see cref="ApiErrorSelector(string)"/> answers.</summary>
    internal static readonly string[] ApiErrorKinds = ["senderIdError", "credentialsError", "signInError", "sessionError", "outageError", "cardTransactionError"];

    /// <summary>The dimension placeholders whose value is a selector of one API error.</summary>
    internal static readonly string[] DimensionApiErrorSlots = ["apiError", "permissionError", "notFoundError"];

    private static bool IsIntacctErrorNumber(string number) => IntacctErrorNumber().IsMatch(number);

    // BL01001973, GW-0010; not a filler such as XXX or "Query Failed".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[A-Z]{2}\d{6,}|[A-Z]{2,}-\d{3,})$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IntacctErrorNumber();

    // Control-level errors about the request itself (an XML parse error, an unknown transport policy) are
    // not sign-in refusals, although they stop the request at the same level.
    // Told once per document: several facts and every sign-in rule's conditions read them, and telling searches texts.
    private List<ApiError> SignInApiErrors => _signInApiErrors ??= Evidence.ApiErrors is { Count: > 0 } errors ? [.. errors.Where(IsSignInError)] : NoApiErrors;

    private static readonly List<ApiError> NoApiErrors = [];

    private List<ApiError>? _signInApiErrors;

    private static bool IsSignInError(ApiError? a) =>
        a is not null
        && !IsCompanyOrServiceState(a)
        && (a.Level == ApiErrorLevel.Authentication
            || (a.Level == ApiErrorLevel.Control && a.HttpStatus != 429 && !Mentions(a, RequestErrorTexts))
            || a.HttpStatus == 401
            || GatewaySignInErrors.Contains(a.ErrorNo ?? string.Empty, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// An error about the company's state (an expired demo company) or the service's (unavailable, a gateway
    /// outage): it stops the request whoever signs in, so it is never a sign-in error.
    /// </summary>
    private static bool IsCompanyOrServiceState(ApiError error) =>
        CompanyStateErrors.Contains(error.ErrorNo ?? string.Empty, StringComparer.OrdinalIgnoreCase)
        || Mentions(error, CompanyStateTexts)
        || IsUnavailable(error);

    /// <summary>Sage Intacct could not serve this request: an outage (<see cref="IsOutage"/>) or the reader's outage page.</summary>
    private static bool IsUnavailable(ApiError error) => IsOutage(error) || Intacct.IntacctResponseReader.IsUnavailable(error);

    /// <summary>HTTP 5xx, gateway error <c>GW-0001</c>, or a "temporarily unavailable" text: what <see cref="IntacctUnavailable"/> looks for.</summary>
    private static bool IsOutage(ApiError error) =>
        error.HttpStatus >= 500
        || string.Equals(error.ErrorNo, "GW-0001", StringComparison.OrdinalIgnoreCase)
        || Mentions(error, OutageTexts);

    private IEnumerable<ApiError> CardTransactionErrors => (Evidence.ApiErrors ?? []).Where(IsCardTransactionError);

    private static bool IsCardTransactionError(ApiError a) =>
        string.Equals(a.Object, "cctransaction", StringComparison.OrdinalIgnoreCase)
        || (a.Function?.Contains("cctransaction", StringComparison.OrdinalIgnoreCase) ?? false)
        || Mentions(a, ["cctransaction"]);

    private static bool Mentions(ApiError error, string[] texts) =>
        texts.Any(t => (error.Description?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false)
            || (error.Description2?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false)
            || (error.Correction?.Contains(t, StringComparison.OrdinalIgnoreCase) ?? false));

    private static bool IsBlankObserved(string? journal) => journal is not null && string.IsNullOrWhiteSpace(journal);

    private static bool? JournalMissing(string? journal, ExpensifyCardSettings? card)
    {
        if (card is null)
        {
            return null;
        }

        if (IsBlankObserved(journal))
        {
            return true;
        }

        return journal is null ? null : false;
    }

    private static readonly (string Name, Func<ModuleRights, ModuleAccess?> Get)[] ModuleReaders =
    [
        ("administration", m => m.Administration), ("company", m => m.Company), ("generalLedger", m => m.GeneralLedger),
        ("accountsPayable", m => m.AccountsPayable), ("accountsReceivable", m => m.AccountsReceivable),
        ("cashManagement", m => m.CashManagement), ("timeAndExpenses", m => m.TimeAndExpenses), ("projects", m => m.Projects),
        ("platformServices", m => m.PlatformServices), ("purchasing", m => m.Purchasing),
        ("inventoryControl", m => m.InventoryControl), ("orderEntry", m => m.OrderEntry),
    ];

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
}
