using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector.Tests;

public sealed class EvidenceMergerTests
{
    private static SyncEvidence Read(string json) => SyncEvidenceJson.Read(json);

    [Fact]
    public void Merge_HostAndCollectedDisagree_HostWinsAndTheConflictIsReported()
    {
        var host = Read("""{ "schemaVersion": 1, "connection": { "companyId": "acme-old", "credentialsValid": true } }""");
        var collected = Read("""{ "schemaVersion": 1, "connection": { "companyId": "acme-demo", "credentialsValid": true, "sessionStarted": true } }""");

        var merged = EvidenceMerger.Merge(host, collected);

        Assert.Equal("acme-old", merged.Evidence.Connection!.CompanyId);
        Assert.True(merged.Evidence.Connection.SessionStarted);
        var conflict = Assert.Single(merged.Conflicts);
        Assert.Equal("connection.companyId", conflict.Path);
        Assert.Equal("\"acme-old\"", conflict.HostValue);
        Assert.Equal("\"acme-demo\"", conflict.CollectedValue);
    }

    [Fact]
    public void Merge_AbsentOnBothSides_StaysAbsent()
    {
        var host = Read("""{ "schemaVersion": 1, "workspace": { "name": "Acme" } }""");
        var collected = Read("""{ "schemaVersion": 1, "connection": { "sessionStarted": true } }""");

        var merged = EvidenceMerger.Merge(host, collected);

        Assert.Null(merged.Evidence.Connection!.CredentialsValid);
        Assert.Null(merged.Evidence.Connection.SenderIdAuthorized);
        Assert.Null(merged.Evidence.Intacct);
        Assert.Null(merged.Evidence.Report);
        Assert.Equal("Acme", merged.Evidence.Workspace!.Name);
        Assert.Empty(merged.Conflicts);
    }

    [Fact]
    public void Merge_Dimensions_JoinedByIdWithoutCaseFieldByField()
    {
        var host = Read("""{ "schemaVersion": 1, "intacct": { "dimensions": [ { "id": "costcenter", "active": false }, { "id": "REGION", "exists": true } ] } }""");
        var collected = Read("""{ "schemaVersion": 1, "intacct": { "dimensions": [ { "id": "COSTCENTER", "exists": true, "valuesReturned": 0, "active": true }, { "id": "DEPARTMENT", "userDefined": false } ] } }""");

        var merged = EvidenceMerger.Merge(host, collected);

        var dimensions = merged.Evidence.Intacct!.Dimensions!;
        Assert.Equal(["costcenter", "REGION", "DEPARTMENT"], dimensions.Select(d => d.Id));
        Assert.False(dimensions[0].Active);
        Assert.True(dimensions[0].Exists);
        Assert.Equal(0, dimensions[0].ValuesReturned);
        Assert.Equal(
            ["intacct.dimensions[costcenter].active", "intacct.dimensions[REGION]", "intacct.dimensions[DEPARTMENT]"],
            merged.Conflicts.Select(c => c.Path));
        Assert.Null(merged.Conflicts[1].CollectedValue);
        Assert.Null(merged.Conflicts[2].HostValue);
    }

    [Fact]
    public void Merge_ApiErrorsAndMessages_HostsFirstThenCollected()
    {
        var host = Read("""{ "schemaVersion": 1, "messages": ["INT402 ..."], "apiErrors": [ { "errorNo": "A1" } ], "observedAt": "2026-11-20T09:12:00Z" }""");
        var collected = Read("""{ "schemaVersion": 1, "apiErrors": [ { "errorNo": "B2", "function": "readByQuery" } ], "observedAt": "2026-12-06T13:00:00Z" }""");

        var merged = EvidenceMerger.Merge(host, collected);

        Assert.Equal(["A1", "B2"], merged.Evidence.ApiErrors!.Select(e => e.ErrorNo));
        Assert.Equal(["INT402 ..."], merged.Evidence.Messages!);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 12, 0, TimeSpan.Zero), merged.Evidence.ObservedAt);
        Assert.Empty(merged.Conflicts);
    }

    [Fact]
    public void Merge_ObjectRights_OneFactPerObject()
    {
        var host = Read("""{ "schemaVersion": 1, "webServicesUser": { "objects": { "COSTCENTER": ["list"] } } }""");
        var collected = Read("""{ "schemaVersion": 1, "webServicesUser": { "userId": "u", "objects": { "COSTCENTER": ["list", "view"], "REGION": [] } } }""");

        var merged = EvidenceMerger.Merge(host, collected);

        var objects = merged.Evidence.WebServicesUser!.Objects!;
        Assert.Equal([ObjectRight.List], objects["COSTCENTER"]);
        Assert.Empty(objects["REGION"]);
        Assert.Equal("u", merged.Evidence.WebServicesUser.UserId);
        Assert.Equal("webServicesUser.objects.COSTCENTER", Assert.Single(merged.Conflicts).Path);
    }

    [Fact]
    public void Merge_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => EvidenceMerger.Merge(null!, new SyncEvidence()));
        Assert.Throws<ArgumentNullException>(() => EvidenceMerger.Merge(new SyncEvidence(), null!));
    }
}
