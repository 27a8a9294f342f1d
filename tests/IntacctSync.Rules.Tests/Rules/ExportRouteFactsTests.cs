using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// Whether the workspace uses expense reports or vendor bills decides which Sage Intacct modules the Web Services user
/// needs (the baseline of INT043, INT245 and INT907) and whether INT012 and INT503 apply. One observed route that is
/// neither says nothing about the other: an unobserved route may be one. The composed mutations of
/// AbsentMeansUnknownProperties (condition level) found removing the non-reimbursable route rule a missing Accounts
/// Payable subscription out.
/// </summary>
public sealed class ExportRouteFactsTests
{
    [Theory]
    [InlineData("\"reimbursable\": \"vendorBill\"", null, true)]
    [InlineData("\"nonReimbursable\": \"creditCard\"", null, null)]
    [InlineData("\"reimbursable\": \"vendorBill\", \"nonReimbursable\": \"creditCard\"", false, true)]
    [InlineData("\"reimbursable\": \"expenseReport\", \"nonReimbursable\": \"creditCard\"", true, false)]
    [InlineData("\"reimbursable\": \"expenseReport\"", true, null)]
    [InlineData("\"reimbursable\": null, \"nonReimbursable\": null", false, false)]
    public void Routes_DecideOnlyWhatTheyObserved(string export, bool? usesExpenseReports, bool? usesVendorBills)
    {
        var evidence = SyncEvidenceJson.Read($$"""{ "schemaVersion": 1, "workspace": { "export": { {{export}} } } }""");
        var facts = new EvidenceFacts(evidence, new RuleCorpusTests.FixedTime());

        Assert.Equal(usesExpenseReports, facts.UsesExpenseReports);
        Assert.Equal(usesVendorBills, facts.UsesVendorBills);
    }
}
