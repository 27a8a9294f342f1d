using System.Globalization;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// Where and when the export posts: which lookups it makes (the submitter as an employee or as a vendor),
// the export date and the period facts behind INT035/INT771/INT088, the credit card and GL accounts it posts
// to (INT093, INT860), and the entity and Smart Rule (INT592) it posts under; the one a message named wins.
// Every value is three-valued: null means the evidence does not say.
public sealed partial class EvidenceFacts
{
    /// <summary>
    /// Whether the export looks the submitter up among Intacct's employees (it creates an expense
    /// report): reimbursable expenses export as expense reports, or the report's non-reimbursable
    /// expenses do; <c>false</c> when no part of the report does; <c>null</c> when unknown. It reads the report's
    /// expenses too (which are reimbursable), but cites and asks for the workspace's export settings only.
    /// </summary>
    [Reads("workspace.export.reimbursable", "workspace.export.nonReimbursable")]
    public bool? ExportLooksUpEmployee
    {
        get
        {
            var export = Evidence.Workspace?.Export;
            // Monotone in what is known: an expense-report export looks the employee up only for a reimbursable
            // expense that is known to be on the report; with the report's expenses unknown, so is the lookup.
            bool? reimbursable = ReportHasReimbursable switch
            {
                false => false,
                true => export?.Reimbursable switch
                {
                    ReimbursableExport.ExpenseReport => true,
                    ReimbursableExport.VendorBill => false,
                    _ => null,
                },
                null => export?.Reimbursable is ReimbursableExport.VendorBill ? false : null,
            };
            bool? nonReimbursable = ReportHasNonReimbursable switch
            {
                false => false,
                true => export?.NonReimbursable switch
                {
                    NonReimbursableExport.ExpenseReport => true,
                    NonReimbursableExport.CreditCard or NonReimbursableExport.VendorBill => false,
                    _ => null,
                },
                null => export?.NonReimbursable is null or NonReimbursableExport.ExpenseReport ? null : false,
            };
            return reimbursable == true || nonReimbursable == true ? true
                : reimbursable == false && nonReimbursable == false ? false
                : null;
        }
    }

    /// <summary>
    /// Whether the export looks the submitter up among Intacct's vendors (reimbursable expenses export
    /// as vendor bills to the submitter's vendor record); <c>null</c> when unknown.
    /// </summary>
    [Reads("workspace.export.reimbursable")]
    public bool? ExportLooksUpVendor => ReportHasReimbursable switch
    {
        false => false,
        true => Evidence.Workspace?.Export?.Reimbursable switch
        {
            ReimbursableExport.VendorBill => true,
            ReimbursableExport.ExpenseReport => false,
            _ => null,
        },
        null => Evidence.Workspace?.Export?.Reimbursable is ReimbursableExport.ExpenseReport ? false : null,
    };

    /// <summary>
    /// Whether the export creates credit card charges (non-reimbursable expenses export as credit card
    /// transactions, which post into Cash Management); <c>null</c> when unknown. Monotone in what is known: a
    /// non-reimbursable expense or a card transaction on the report, exported as credit card charges, says yes
    /// whatever else is known; no says so only when every expense is known reimbursable and none a card
    /// transaction (or the export is not to a card), so learning more never turns a no into a yes.
    /// </summary>
    [Reads("workspace.export.nonReimbursable")]
    public bool? ExportCreatesCardCharges => Evidence.Workspace?.Export?.NonReimbursable switch
    {
        NonReimbursableExport.VendorBill or NonReimbursableExport.ExpenseReport => false,
        NonReimbursableExport.CreditCard when ReportHasNonReimbursable == true || ReportHasCardTransaction == true => true,
        _ => ReportHasNonReimbursable == false && ReportHasCardTransaction == false ? false : null,
    };

    /// <summary>The workspace's export date source (<c>workspace.export.exportDate</c>), where observed.</summary>
    public ExportDateSource? ExportDateSetting => Evidence.Workspace?.Export?.ExportDate;

    /// <summary>
    /// Whether the export posts on an older date than the export's own (date of last expense or submitted
    /// date); <c>false</c> for the exported date; <c>null</c> when unknown or unset.
    /// </summary>
    [Reads("workspace.export.exportDate")]
    public bool? ExportDateFromReport => ExportDateSetting switch
    {
        ExportDateSource.LastExpense or ExportDateSource.Submitted => true,
        ExportDateSource.Exported => false,
        _ => null,
    };

    /// <summary>
    /// Whether the reporting period holding the export date is closed (<c>intacct.periods.reportingPeriodClosed</c>); the
    /// export date (<c>report.exportDate</c>) is what picks the period.
    /// </summary>
    [Reads("report.exportDate", "intacct.periods.reportingPeriodClosed")]
    public bool? PeriodReportingClosed => Evidence.Intacct?.Periods?.ReportingPeriodClosed;

    /// <summary>Whether the Cash Management subledger is open (<c>intacct.periods.cashManagementOpen</c>).</summary>
    [Reads("intacct.periods.cashManagementOpen")]
    public bool? PeriodCashManagementOpen => Evidence.Intacct?.Periods?.CashManagementOpen;

    /// <summary>Whether the Web Services user may post to closed periods (<c>webServicesUser.canPostToClosedPeriods</c>).</summary>
    [Reads("webServicesUser.canPostToClosedPeriods")]
    public bool? UserCanPostToClosedPeriods => Evidence.WebServicesUser?.CanPostToClosedPeriods;

    /// <summary>
    /// The earliest date Intacct accepts: the date an INT035 message gave (MM/dd/yyyy), else the day
    /// after <c>intacct.periods.closedThrough</c>.
    /// </summary>
    internal DateOnly? CutOffDate =>
        Named("INT035", "date") is { } text && DateOnly.TryParseExact(text, ["MM/dd/yyyy", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Evidence.Intacct?.Periods?.ClosedThrough?.AddDays(1);

    /// <summary>Whether the report's export date is before <see cref="CutOffDate"/>; <c>null</c> when unknown.</summary>
    [Reads("report.exportDate", "intacct.periods.closedThrough")]
    public bool? ExportDateBeforeCutOff => Evidence.Report?.ExportDate is { } exportDate && CutOffDate is { } cutOff ? exportDate < cutOff : null;

    /// <summary>Whether the report's export date falls in a closed period (on or before <c>closedThrough</c>); <c>null</c> when unknown.</summary>
    public bool? ExportDateInClosedPeriod =>
        Evidence.Report?.ExportDate is { } date && Evidence.Intacct?.Periods?.ClosedThrough is { } closed ? date <= closed : null;

    /// <summary>The first day after <c>closedThrough</c> as MM/dd/yyyy (INT035's cut-off date), where known.</summary>
    public string? FirstOpenDate =>
        Evidence.Intacct?.Periods?.ClosedThrough is { } closed
            ? closed.AddDays(1).ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;

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

    /// <summary>The credit card INT093 is about: the one its message named, else the export's card (<see cref="ExportCreditCard"/>).</summary>
    internal CreditCard? CardInQuestion => Named("INT093", "creditCard") is { } named ? Card(named) : ExportCreditCard;

    /// <summary>
    /// Whether <see cref="CardInQuestion"/> expired before today; <c>null</c> when unknown. Worked out from the export's card
    /// (unless a message named one) and that card's expiration date.
    /// </summary>
    [Reads("workspace.export.creditCardId", "intacct.creditCards[{creditCard}].expiresOn")]
    public bool? CardInQuestionExpired => CardInQuestion?.ExpiresOn is { } expires ? expires < Today : null;

    /// <summary>The id of <see cref="CardInQuestion"/>, else the workspace's export card id, where known.</summary>
    public string? CardInQuestionId => NonEmpty(CardInQuestion?.Id) ?? NonEmpty(Evidence.Workspace?.Export?.CreditCardId);

    /// <summary>Whether the account linked to the export's credit card is restricted; <c>null</c> when unknown.</summary>
    [Reads("workspace.export.creditCardId", "intacct.creditCards[{creditCard}].accountNumber")]
    public bool? CardAccountRestricted => ExportCreditCardAccount?.Restricted;

    /// <summary>
    /// A restricted GL account that a category on the report maps to (workspace category →
    /// <c>accountNumber</c> → <c>intacct.accounts</c>), if any.
    /// </summary>
    public GlAccount? RestrictedCategoryAccount => FirstCategoryAccount(static a => a.Restricted == true);

    /// <summary>
    /// Whether a category on the report maps to a restricted GL account: <c>false</c> when every
    /// category's account was found and none is restricted; <c>null</c> when unknown.
    /// </summary>
    [Reads("workspace.coding.categories")]
    public bool? CategoryAccountRestricted
    {
        get
        {
            var expenses = Evidence.Report?.Expenses;
            var categories = Evidence.Workspace?.Coding?.Categories;
            var accounts = Evidence.Intacct?.Accounts;
            if (expenses is null || categories is null || accounts is null)
            {
                return null;
            }

            var unknown = false;
            foreach (var expense in expenses)
            {
                var account = AccountOfCategory(expense.Category);
                if (account?.Restricted == true)
                {
                    return true;
                }

                unknown |= account?.Restricted is null;
            }

            return unknown ? null : false;
        }
    }

    /// <summary>
    /// The GL account INT860 is about: the one its message or API error named (<c>null</c> when the evidence does not
    /// hold that account: another account's facts say nothing about it). Otherwise the account a report names, picked to
    /// show what is known: the export card's account when it is restricted, else a restricted category account, else the
    /// first whose restriction is unknown (the card's, then a category's: the one to ask about), else the card's account.
    /// Only the subject value and the fact paths read it; whether INT860's causes hold does not depend on the pick
    /// (<see cref="RestrictionAccountRestricted"/>), so knowing less about one account cannot move a verdict to another.
    /// </summary>
    internal GlAccount? RestrictionAccount =>
        Named("INT860", "account") is { } named ? Account(named)
        : (ExportCreditCardAccount?.Restricted == true ? ExportCreditCardAccount : null)
        ?? RestrictedCategoryAccount
        ?? (ExportCreditCardAccount is { Restricted: null } unknownCard ? unknownCard : null)
        ?? FirstCategoryAccount(static a => a.Restricted is null)
        ?? ExportCreditCardAccount;

    /// <summary>
    /// Whether the GL account INT860 is about is restricted; <c>null</c> when unknown. With an account named by its message
    /// or API error, that account's <c>restricted</c>. Otherwise whether any account the export posts to is restricted
    /// (the export card's account, or a category's account on the report): <c>true</c> when one is known restricted,
    /// <c>false</c> when all are known and none is, <c>null</c> otherwise.
    /// </summary>
    [Reads("intacct.accounts[number={account}].restricted")]
    public bool? RestrictionAccountRestricted =>
        Named("INT860", "account") is { } named ? Account(named)?.Restricted : Kleene.Or(CardAccountRestricted, CategoryAccountRestricted);

    /// <summary>
    /// Whether the restricted account INT860 is about is the export card's account: the account its message named is the
    /// card's, or (nothing named) the card's account is known restricted. Two-valued: it only lets a cause be proven.
    /// </summary>
    public bool RestrictionAccountIsCardAccount =>
        Named("INT860", "account") is { } named
            ? Account(named) is { } account && ReferenceEquals(account, ExportCreditCardAccount)
            : CardAccountRestricted == true;

    /// <summary>
    /// Whether the restricted account INT860 is about is a category's account on the report: the account its message named is
    /// one, or (nothing named) a category's account is known restricted. Two-valued: it only lets a cause be proven.
    /// </summary>
    public bool RestrictionAccountIsCategoryAccount =>
        Named("INT860", "account") is { } named
            ? Account(named) is { } account && FirstCategoryAccount(a => ReferenceEquals(a, account)) is not null
            : CategoryAccountRestricted == true;

    /// <summary>The number of <see cref="RestrictionAccount"/>, where known.</summary>
    public string? RestrictionAccountNumber => NonEmpty(RestrictionAccount?.Number);

    /// <summary>The credit card linked to <see cref="RestrictionAccount"/>: the one INT860's message named, the export's card, or the account's own card.</summary>
    public string? RestrictionCardId =>
        NonEmpty(Card(Named("INT860", "creditCard"))?.Id)
        ?? (RestrictionAccountIsCardAccount ? NonEmpty(ExportCreditCard?.Id) : null)
        ?? NonEmpty(RestrictionAccount?.CreditCardId)
        ?? NonEmpty(ExportCreditCard?.Id);

    /// <summary>Whether the company has several entities (<c>connection.multiEntity</c>).</summary>
    public bool? CompanyMultiEntity => Evidence.Connection?.MultiEntity;

    /// <summary>The entity the workspace exports to (<c>workspace.export.entityId</c>; <c>""</c> = top level); <c>null</c> when unknown.</summary>
    public string? ExportEntityId => Evidence.Workspace?.Export?.EntityId;

    /// <summary>
    /// The Smart Rule INT592 is about: the one its message named, else the first listed rule the export
    /// would break (defined at top level, or in another entity than the export's), else the first listed.
    /// </summary>
    public SmartRule? SmartRuleInQuestion
    {
        get
        {
            var rules = Evidence.Intacct?.SmartRules;
            if (rules is null)
            {
                return null;
            }

            if (Named("INT592", "smartRule") is { } named)
            {
                return FirstByKey(rules, named, static r => r.Id);
            }

            return rules.FirstOrDefault(r => r.Level == SyncLevel.TopLevel)
                ?? rules.FirstOrDefault(r => EntityMismatch(r) == true)
                ?? (rules.Count > 0 ? rules[0] : null);
        }
    }

    /// <summary>The level <see cref="SmartRuleInQuestion"/> is defined at, where known.</summary>
    [Reads("intacct.smartRules[id={smartRule}].level")]
    public SyncLevel? SmartRuleLevel => SmartRuleInQuestion?.Level;

    /// <summary>The id of <see cref="SmartRuleInQuestion"/>, where known.</summary>
    public string? SmartRuleId => NonEmpty(SmartRuleInQuestion?.Id);

    /// <summary>
    /// Whether <see cref="SmartRuleInQuestion"/> is defined in an entity other than the one the workspace
    /// exports to (top level counts as other); <c>null</c> when unknown. It reads the export's entity only: the
    /// rule's entity is unknown for a rule at top level, which has none, so INT592 asks for it (and cites it)
    /// itself, only where the rule is not known to be at top level.
    /// </summary>
    [Reads("workspace.export.entityId")]
    public bool? SmartRuleEntityMismatch => SmartRuleInQuestion is { } rule ? EntityMismatch(rule) : null;

    private bool? EntityMismatch(SmartRule rule) =>
        rule.Level == SyncLevel.Entity && rule.EntityId is { Length: > 0 } entity && ExportEntityId is { } export
            ? !string.Equals(entity, export, StringComparison.OrdinalIgnoreCase)
            : null;

    private CreditCard? Card(string? id) =>
        id is null ? null : FirstByKey(Evidence.Intacct?.CreditCards, id, static c => c.Id);

    private GlAccount? Account(string? number) =>
        number is null ? null : FirstByKey(Evidence.Intacct?.Accounts, number, static a => a.Number);

    /// <summary>The first account that a category on the report maps to and that <paramref name="match"/> accepts.</summary>
    private GlAccount? FirstCategoryAccount(Func<GlAccount, bool> match)
    {
        var expenses = Evidence.Report?.Expenses;
        for (var i = 0; i < (expenses?.Count ?? 0); i++)
        {
            if (AccountOfCategory(expenses![i].Category) is { } account && match(account))
            {
                return account;
            }
        }

        return null;
    }

    private GlAccount? AccountOfCategory(string? name)
    {
        var category = name is null ? null : Evidence.Workspace?.Coding?.Categories?.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
        return Account(NonEmpty(category?.AccountNumber));
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
