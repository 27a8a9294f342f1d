using System.Text.Json.Nodes;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// Dimensions are joined to their workspace entries by a scan while there are few and by lookups past a
/// threshold (8); a workspace entry that names its dimension by label must join the same way on both sides.
/// </summary>
public sealed class DimensionJoinTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(40)]
    public void WorkspaceEntriesByIdAndByLabel_JoinTheSame_WhateverTheNumberOfDimensions(int others)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, "INT402", "workspace-entry-uses-label.json")))!;
        for (var i = 0; i < others; i++)
        {
            document["intacct"]!["dimensions"]!.AsArray().Insert(0, new JsonObject
            {
                ["id"] = $"UDD{i:00}",
                ["label"] = $"Region {i:00}",
                ["userDefined"] = true,
                ["exists"] = true,
                ["active"] = true,
                ["configured"] = true,
                ["valuesReturned"] = 3,
            });
            document["workspace"]!["coding"]!["dimensions"]!.AsArray().Add(new JsonObject
            {
                ["id"] = i % 2 == 0 ? $"UDD{i:00}" : $"Region {i:00}",
                ["enabled"] = true,
                ["importAs"] = "tag",
            });
            document["webServicesUser"]!["objects"]![$"UDD{i:00}"] = new JsonArray("list", "view");
        }

        var report = RuleCases.Classifier.Classify(SyncEvidenceJson.Read(document.ToJsonString()));

        // An entry that names its dimension by label is itself the cause this case is about, so every odd
        // dimension added is diagnosed as Cost Center is, and every even one (by id) is healthy.
        var expected = new[] { "Cost Center" }.Concat(Enumerable.Range(0, others).Where(i => i % 2 == 1).Select(i => $"Region {i:00}"));
        Assert.Equal(expected, report.Diagnoses.Select(d => d.Subject["dimension"]));
        Assert.All(report.Diagnoses, d => Assert.Equal(("INT402", Certainty.Confirmed), (d.Code, d.Certainty)));
        // What the join decides (causes, what is ruled out, the facts cited) is Cost Center's as verified;
        // its plan may differ, since a shared step (Sync Now) is kept only in the last diagnosis.
        var verified = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Cases, "INT402", "workspace-entry-uses-label.verified.json")))!["diagnoses"]![0]!;
        var actual = JsonNode.Parse(DiagnosisReportJson.Write(report))!["diagnoses"]![0]!;
        foreach (var field in new[] { "causes", "ruledOut", "evidence", "missingEvidence" })
        {
            Assert.Equal(verified[field]!.ToJsonString(), actual[field]!.ToJsonString());
        }
    }

    /// <summary>
    /// A workspace entry names its dimension by label ("Region" for COSTCENTER). Removing the record's label unjoins them,
    /// so the entry is another dimension's, and COSTCENTER once read as "not imported" (no entry in a complete list): its
    /// established "entry misconfigured" was ruled out by knowing less (the condition-level property found it). Whether
    /// COSTCENTER is imported is now unknown while an entry joined no record and its record shows no label.
    /// </summary>
    [Fact]
    public void RecordsLabelRemoved_AnEntryThatJoinedNothingMayBeItsEntry_ImportIsUnknown()
    {
        const string Json = """
            { "schemaVersion": 1, "operation": "sync", "outcome": "failed",
              "intacct": { "dimensions": [ { "id": "COSTCENTER", "label": "Region", "userDefined": true, "exists": true, "active": false } ] },
              "workspace": { "coding": { "dimensions": [ { "id": "REGION", "enabled": true, "importAs": "tag" } ] } } }
            """;
        var lessKnown = Json.Replace("\"label\": \"Region\", ", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(Json, lessKnown);

        var fuller = Assert.Single(Classify(Json), d => d.Subject.GetValueOrDefault("dimension") == "Region");
        var other = Classify(lessKnown).Where(d => d.Subject.GetValueOrDefault("dimension") == "COSTCENTER").ToList();

        Assert.Contains(fuller.Causes, c => c.Id == "workspace-entry-misconfigured" && c.Facts.Count > 0);
        Assert.All(other, d => Assert.DoesNotContain(d.RuledOut, c => c.Id == "workspace-entry-misconfigured"));

        var facts = new IntacctSync.Rules.Rules.Subjects.EvidenceFacts(SyncEvidenceJson.Read(lessKnown), new RuleCorpusTests.FixedTime());
        var costCenter = Assert.Single(new IntacctSync.Rules.Rules.Subjects.DimensionSubjectKind().Build(facts, []).Cast<IntacctSync.Rules.Rules.Subjects.DimensionSubject>(), d => d.Id == "COSTCENTER");
        Assert.Null(costCenter.EnabledInWorkspace);

        static IReadOnlyList<Diagnosis> Classify(string json) => RuleCases.Classifier.Classify(SyncEvidenceJson.Read(json)).Diagnoses;
    }
}
