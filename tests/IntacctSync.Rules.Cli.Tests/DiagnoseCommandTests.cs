using System.Text;
using System.Text.Json;

namespace IntacctSync.Rules.Cli.Tests;

public sealed class DiagnoseCommandTests : IDisposable
{
    private const string InactiveUdd = """
        {
          "schemaVersion": 1,
          "operation": "sync",
          "outcome": "failed",
          "intacct": { "dimensions": [ { "id": "COSTCENTER", "label": "Cost Center", "userDefined": true, "exists": true, "active": false, "configured": true } ] },
          "workspace": { "coding": { "dimensions": [ { "id": "COSTCENTER", "enabled": true, "importAs": "tag" } ] } }
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Diagnose_JsonFormat_PrintsContractReportAndExitsZero()
    {
        var file = Write("evidence.json", InactiveUdd);

        var (code, stdout, stderr) = Run("diagnose", file, "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = report.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("INT402", diagnosis.GetProperty("code").GetString());
        Assert.Equal("confirmed", diagnosis.GetProperty("certainty").GetString());
        Assert.Equal("udd-inactive", diagnosis.GetProperty("causes")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Diagnose_TextFormat_ShowsProofAndNumberedPlan()
    {
        var file = Write("evidence.json", InactiveUdd);

        var (code, stdout, _) = Run("diagnose", file, "--format", "text");

        Assert.Equal(0, code);
        Assert.Contains("INT402 (sync, confirmed)", stdout, StringComparison.Ordinal);
        Assert.Contains("because intacct.dimensions[COSTCENTER].active = false", stdout, StringComparison.Ordinal);
        Assert.Contains("1. [Sage Intacct] Platform Services > Objects > List", stdout, StringComparison.Ordinal);
    }

    // INT402's message was seen, but the evidence rules out every one of its causes.
    private const string EveryCauseRuledOut = """
        {
          "schemaVersion": 1,
          "operation": "sync",
          "outcome": "failed",
          "messages": ["INT402 Sync Error: Sage Intacct couldn't return values for dimension COSTCENTER."],
          "intacct": { "dimensions": [ { "id": "COSTCENTER", "userDefined": true, "exists": true, "active": true, "configured": true, "valuesReturned": 12 } ] },
          "webServicesUser": { "objects": { "COSTCENTER": ["list", "view"] } },
          "workspace": { "coding": { "dimensions": [ { "id": "COSTCENTER", "enabled": true, "importAs": "tag" } ] } }
        }
        """;

    [Theory]
    [InlineData("text", "What may cause it", "Ruled out:")]
    [InlineData("markdown", "What may cause it", "### Ruled out")]
    public void Diagnose_EveryCauseRuledOut_PrintsNoEmptyCauseHeading(string format, string causeHeading, string ruledOutHeading)
    {
        var file = Write("evidence.json", EveryCauseRuledOut);

        var (code, stdout, _) = Run("diagnose", file, "--format", format);

        Assert.Equal(0, code);
        Assert.Contains("INT402", stdout, StringComparison.Ordinal);
        Assert.Contains(ruledOutHeading, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(causeHeading, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("What the evidence proves", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_MarkdownFormat_HasHeadings()
    {
        var file = Write("evidence.json", InactiveUdd);

        var (code, stdout, _) = Run("diagnose", file, "--format", "markdown");

        Assert.Equal(0, code);
        Assert.StartsWith("# Sage Intacct diagnosis", stdout, StringComparison.Ordinal);
        Assert.Contains("## INT402:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_MessageOnly_IsLikelyWithDimensionFromMessage()
    {
        var (code, stdout, _) = Run("diagnose", "--message", "INT402 Sync Error: Sage Intacct couldn’t return values for dimension Fund.", "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = report.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("likely", diagnosis.GetProperty("certainty").GetString());
        Assert.Equal("Fund", diagnosis.GetProperty("subject").GetProperty("dimension").GetString());
    }

    [Fact]
    public void Diagnose_StandardInput_IsRead()
    {
        var (code, stdout, _) = Run(Encoding.UTF8.GetBytes(InactiveUdd), "diagnose", "-", "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("\"INT402\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_HealthyEvidence_PrintsEmptyReportAndExitsZero()
    {
        var file = Write("healthy.json", """{ "schemaVersion": 1, "operation": "sync", "outcome": "succeeded" }""");

        var (code, stdout, _) = Run("diagnose", file, "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal(0, report.RootElement.GetProperty("diagnoses").GetArrayLength());
    }

    public static TheoryData<string, string> UnreadableInputs() => new()
    {
        { "malformed.json", """{ "schemaVersion": 1, "operation" "sync" }""" },
        { "empty.json", string.Empty },
        { "version.json", """{ "schemaVersion": 7 }""" },
        { "wrong-type.json", """{ "schemaVersion": 1, "intacct": { "dimensions": [ { "active": "yes" } ] } }""" },
        { "unknown-field.json", """{ "schemaVersion": 1, "colour": "blue" }""" },
        { "deep.json", new string('[', 10_000) + new string(']', 10_000) },
    };

    [Theory]
    [MemberData(nameof(UnreadableInputs))]
    public void Diagnose_UnreadableInput_ExitsTwoWithErrorOnStandardErrorOnly(string name, string content)
    {
        var file = Write(name, content);

        var (code, stdout, stderr) = Run("diagnose", file, "--format", "json");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(name, stderr, StringComparison.Ordinal);
        Assert.Contains("cannot read the evidence", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_WrongType_NamesPathLineAndColumn()
    {
        var file = Write("wrong.json", "{\n  \"schemaVersion\": 1,\n  \"intacct\": { \"dimensions\": [ { \"active\": \"yes\" } ] }\n}");

        var (_, _, stderr) = Run("diagnose", file);

        Assert.Contains("$.intacct.dimensions[0].active: expected true/false, got \"yes\" (line 3", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_FileOverSizeLimit_ExitsTwoBeforeParsing()
    {
        var file = Path.Combine(_dir, "huge.json");
        using (var stream = File.Create(file))
        {
            stream.Write("{\"schemaVersion\":1,\"messages\":[\""u8);
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                stream.Write(chunk);
            }

            stream.Write("\"]}"u8);
        }

        var (code, stdout, stderr) = Run("diagnose", file);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("larger than", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_MissingFile_ExitsTwo()
    {
        var (code, stdout, stderr) = Run("diagnose", Path.Combine(_dir, "nope.json"));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diagnose")]
    [InlineData("diagnose", "x.json", "--format", "yaml")]
    [InlineData("frobnicate")]
    public void Run_WrongUsage_ExitsOneWithNothingOnStandardOutput(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public void Diagnose_InvalidRuleDirectory_ExitsThreeListingProblems()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_dir, "rules")).FullName;
        File.WriteAllText(Path.Combine(rules, "INT999.json"), """{ "code": "INT999", "kind": "sideways" }""");
        var file = Write("evidence.json", InactiveUdd);

        var (code, stdout, stderr) = Run("diagnose", file, "--rules", rules);

        Assert.Equal(3, code);
        Assert.Empty(stdout);
        Assert.Contains("INT999.json", stderr, StringComparison.Ordinal);
        Assert.Contains("sideways", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args) => Run([], args);

    private static (int Code, string Stdout, string Stderr) Run(byte[] stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(stdin), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
