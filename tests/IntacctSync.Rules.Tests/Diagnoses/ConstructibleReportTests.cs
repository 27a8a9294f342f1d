using IntacctSync.Rules.Diagnoses;

namespace IntacctSync.Rules.Tests.Diagnoses;

/// <summary>A host's test double builds a report the way the classifier does, and it writes as the contract's JSON.</summary>
public sealed class ConstructibleReportTests
{
    [Fact]
    public void Constructed_WritesAsTheContractsJson()
    {
        var diagnosis = new Diagnosis(
            "INT122", ErrorKind.Authentication, "Authentication failed", "INT122 Sync Error: Authentication error during sync.",
            new Dictionary<string, string>(), Certainty.Confirmed,
            [new DiagnosedCause("credentials-wrong", "The password is wrong.", ["connection.credentialsValid = false"])],
            [], [], [], [], "host/INT122.json");

        var json = DiagnosisReportJson.Write(new DiagnosisReport([diagnosis], ["XL03000006: other"], incomplete: ["cut short"]));

        Assert.Contains("\"code\": \"INT122\"", json, StringComparison.Ordinal);
        Assert.Contains("\"certainty\": \"confirmed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"connection.credentialsValid = false\"", json, StringComparison.Ordinal);
        Assert.Contains("\"incomplete\": [", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"faults\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructed_WithANullList_IsRefusedNamingIt()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new DiagnosisReport(null!, []));
        Assert.Equal("diagnoses", ex.ParamName);

        var missing = Assert.Throws<ArgumentNullException>(() => new Diagnosis("INT122", ErrorKind.Sync, "t", "m", new Dictionary<string, string>(), Certainty.Likely, [], [], [], [], null!, "r"));
        Assert.Equal("evidence", missing.ParamName);
    }
}
