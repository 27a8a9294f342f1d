using System.Text.Json;
using IntacctSync.Rules.Collector.Tests.Fakes;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary><c>intacct-sync collect</c> and <c>intacct-sync diagnose --collect</c> end to end, against the fake gateway on a loopback port.</summary>
public sealed class CollectCommandTests : IDisposable
{
    private const string Workspace = """
        {
          "schemaVersion": 1,
          "operation": "sync",
          "outcome": "failed",
          "workspace": { "name": "Acme US", "coding": { "dimensions": [ { "id": "DEPARTMENT", "enabled": true, "importAs": "tag" }, { "id": "COSTCENTER", "enabled": true, "importAs": "tag" } ] } }
        }
        """;

    private static readonly string[] Secrets = [FakeCompany.SenderPassword, FakeCompany.UserPassword];

    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-cli-collect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DiagnoseCollect_UserMayNotReadUdd_ConfirmsInt402RightsCause()
    {
        var company = new FakeCompany();
        company.Dimension("COSTCENTER")!.Readable = false;
        company.Policies.RemoveAll(p => p.Policy == "Cost Center");
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(company);
        var workspace = Write("workspace.json", Workspace);

        var (code, stdout, stderr) = Run(Environment(), "diagnose", workspace, "--collect", "--endpoint", gateway.Endpoint.ToString(), "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = Assert.Single(report.RootElement.GetProperty("diagnoses").EnumerateArray());
        Assert.Equal("INT402", diagnosis.GetProperty("code").GetString());
        Assert.Equal("confirmed", diagnosis.GetProperty("certainty").GetString());
        Assert.Equal("Cost Center", diagnosis.GetProperty("subject").GetProperty("dimension").GetString());
        var cause = diagnosis.GetProperty("causes")[0];
        Assert.Equal("user-cannot-read-udd", cause.GetProperty("id").GetString());
        Assert.Contains(cause.GetProperty("facts").EnumerateArray(), f => f.GetString()!.Contains("READ_BY_QUERY on objects of type costcenter", StringComparison.Ordinal));
        Assert.Empty(stderr);
        Assert.All(gateway.Functions, f => Assert.Contains(f, new[] { "getAPISession", "getDimensions", "lookup", "readByQuery", "getUserPermissions" }));
        AssertNoSecret(stdout, stderr);
    }

    // A refused password is "likely", among other causes, not confirmed: "Sign-in information is incorrect" does not
    // say whether the password was wrong or changed (whether a sync ever succeeded is the host's to say), and the
    // API tells nothing of the sender's authorization once the user's sign-in fails.
    public static TheoryData<string, string, string, string> Scenarios() => new()
    {
        { "udd-unknown", "INT402", "confirmed", "udd-not-set-up-in-intacct" },
        { "sender-not-authorized", "INT122", "confirmed", "sender-id-not-authorized" },
        { "wrong-password", "INT122", "likely", "credentials-wrong" },
        { "inactive-user", "INT122", "confirmed", "user-inactive" },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task DiagnoseCollect_Scenario_DiagnosesItsCause(string scenario, string expectedCode, string expectedCertainty, string expectedCause)
    {
        var company = new FakeCompany();
        var environment = Environment();
        switch (scenario)
        {
            case "udd-unknown":
                company.Dimensions.RemoveAll(d => d.ObjectName == "COSTCENTER");
                break;
            case "sender-not-authorized":
                company.SenderAuthorized = false;
                break;
            case "wrong-password":
                environment["INTACCT_USER_PASSWORD"] = "Wr0ng-pw-5Tt$";
                break;
            case "inactive-user":
                company.UserActive = false;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "no such scenario");
        }

        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(company);
        var workspace = Write("workspace.json", Workspace);

        var (code, stdout, stderr) = Run(environment, "diagnose", workspace, "--collect", "--endpoint", gateway.Endpoint.ToString(), "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = report.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal(expectedCode, diagnosis.GetProperty("code").GetString());
        Assert.Equal(expectedCertainty, diagnosis.GetProperty("certainty").GetString());
        Assert.Contains(expectedCause, diagnosis.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public async Task DiagnoseCollect_GatewayDown_ReportsSageIntacctUnavailable()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany { Down = true });
        var workspace = Write("workspace.json", Workspace);
        var environment = Environment();

        var (code, stdout, _) = Run(environment, "diagnose", workspace, "--collect", "--endpoint", gateway.Endpoint.ToString(), "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        // The workspace alone still makes INT402 possible; nothing collected may confirm anything.
        Assert.DoesNotContain(report.RootElement.GetProperty("diagnoses").EnumerateArray(), d => d.GetProperty("certainty").GetString() == "confirmed");
        Assert.Equal(4, gateway.Requests);
        Assert.Contains(report.RootElement.GetProperty("unexplained").EnumerateArray(), u => u.GetString()!.StartsWith("INTACCT-UNAVAILABLE: Sage Intacct unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_WithEvidenceAndOutput_WritesMergedEvidence()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany());
        var workspace = Write("workspace.json", Workspace);
        var output = Path.Combine(_dir, "collected.json");

        var (code, stdout, stderr) = Run(Environment(("INTACCT_ENDPOINT", gateway.Endpoint.ToString())), "collect", "--evidence", workspace, "--entity-id", "US01", "-o", output);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Empty(stderr);
        var written = File.ReadAllText(output);
        using var evidence = JsonDocument.Parse(written);
        var root = evidence.RootElement;
        Assert.Equal("Acme US", root.GetProperty("workspace").GetProperty("name").GetString());
        Assert.True(root.GetProperty("connection").GetProperty("sessionStarted").GetBoolean());
        Assert.Equal("US01", root.GetProperty("connection").GetProperty("entityId").GetString());
        Assert.Equal(6, root.GetProperty("intacct").GetProperty("dimensions")[2].GetProperty("valuesReturned").GetInt32());
        Assert.False(root.GetProperty("connection").TryGetProperty("syncLevel", out _));
        AssertNoSecret(written, stderr);
    }

    [Fact]
    public async Task Collect_EvidenceWithReport_ReadsTheReportsPeopleProjectsAndAccounts()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany());
        var host = Write("export.json", """
            {
              "schemaVersion": 1,
              "operation": "export",
              "workspace": { "coding": { "categories": [ { "name": "Travel", "accountNumber": "6100" }, { "name": "Meals", "accountNumber": "6000" } ] } },
              "report": { "submitterEmail": "pat@acme.test", "expenses": [ { "id": "x1", "category": "Travel", "project": "P-2" } ] }
            }
            """);

        var (code, stdout, stderr) = Run(Environment(), "collect", "--evidence", host, "--endpoint", gateway.Endpoint.ToString());

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var evidence = JsonDocument.Parse(stdout);
        var intacct = evidence.RootElement.GetProperty("intacct");
        Assert.Equal("E-100", intacct.GetProperty("employees")[0].GetProperty("id").GetString());
        Assert.Equal("V-100", intacct.GetProperty("vendors")[0].GetProperty("id").GetString());
        Assert.Equal("P-2", Assert.Single(intacct.GetProperty("projects").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("6100", Assert.Single(intacct.GetProperty("accounts").EnumerateArray()).GetProperty("number").GetString());
    }

    [Fact]
    public async Task Collect_OnATerminal_WritesAProgressLinePerProbe()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = Environment();

        var code = CliApp.Run(["collect", "--endpoint", gateway.Endpoint.ToString()], () => new MemoryStream(), stdout, stderr, outputRedirected: true, showProgress: true, environment: name => environment.GetValueOrDefault(name));

        Assert.Equal(0, code);
        Assert.Equal(
            ["intacct-sync: getAPISession: answered", "intacct-sync: getDimensions: answered", "intacct-sync: lookup COSTCENTER: answered", "intacct-sync: readByQuery COSTCENTER: answered", "intacct-sync: readByQuery USERINFO: answered", "intacct-sync: getUserPermissions USERINFO: answered"],
            stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Collect_PasswordsFromStandardInput_SignsIn()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany());
        var environment = new Dictionary<string, string?>
        {
            ["INTACCT_SENDER_ID"] = FakeCompany.SenderId,
            ["INTACCT_COMPANY_ID"] = FakeCompany.CompanyId,
        };

        var (code, stdout, stderr) = RunWithStdin(environment, $"{FakeCompany.SenderPassword}\n{FakeCompany.UserPassword}\n", "collect", "--passwords-stdin", "--user-id", FakeCompany.UserId, "--endpoint", gateway.Endpoint.ToString());

        Assert.Equal(0, code);
        using var evidence = JsonDocument.Parse(stdout);
        Assert.True(evidence.RootElement.GetProperty("connection").GetProperty("credentialsValid").GetBoolean());
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public async Task Collect_HostDisagrees_KeepsHostsValueAndReportsTheConflict()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany());
        var host = Write("host.json", """{ "schemaVersion": 1, "connection": { "companyId": "acme-old", "credentialsValid": true } }""");

        var (code, stdout, stderr) = Run(Environment(), "collect", "--evidence", host, "--endpoint", gateway.Endpoint.ToString());

        Assert.Equal(0, code);
        using var evidence = JsonDocument.Parse(stdout);
        Assert.Equal("acme-old", evidence.RootElement.GetProperty("connection").GetProperty("companyId").GetString());
        Assert.Contains("evidence conflict: connection.companyId: the host says \"acme-old\", Sage Intacct says \"acme-demo\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnoseCollect_WrongPassword_IsNoInt402AndLeaksNothing()
    {
        await using var gateway = await FakeIntacctGateway.StartOnLoopbackAsync(new FakeCompany());
        var workspace = Write("workspace.json", Workspace);

        var (code, stdout, stderr) = Run(Environment(("INTACCT_USER_PASSWORD", "Wr0ng-pw-5Tt$")), "diagnose", workspace, "--collect", "--endpoint", gateway.Endpoint.ToString(), "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        var codes = report.RootElement.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("INT402", codes);
        Assert.Equal(["getAPISession"], gateway.Functions);
        Assert.DoesNotContain("Wr0ng-pw-5Tt$", stdout + stderr, StringComparison.Ordinal);
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public void Collect_GatewayUnreachable_ExitsTwoSayingSo()
    {
        var (code, stdout, stderr) = Run(Environment(), "collect", "--endpoint", "http://127.0.0.1:1/ia/xml/xmlgw.phtml");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot reach the Sage Intacct gateway at http://127.0.0.1:1/ia/xml/xmlgw.phtml", stderr, StringComparison.Ordinal);
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public void Collect_MissingCredentials_ExitsOneNamingEachOne()
    {
        var (code, stdout, stderr) = Run(new Dictionary<string, string?> { ["INTACCT_SENDER_ID"] = FakeCompany.SenderId, ["INTACCT_USER_PASSWORD"] = FakeCompany.UserPassword }, "collect", "--endpoint", "http://127.0.0.1:1/x");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("INTACCT_SENDER_PASSWORD", stderr, StringComparison.Ordinal);
        Assert.Contains("INTACCT_COMPANY_ID", stderr, StringComparison.Ordinal);
        Assert.Contains("INTACCT_USER_ID", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("INTACCT_USER_PASSWORD", stderr, StringComparison.Ordinal);
        AssertNoSecret(stdout, stderr);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://intacct.example/xmlgw")]
    [InlineData("/ia/xml/xmlgw.phtml")]
    public void Collect_BadEndpoint_ExitsOneNamingIt(string endpoint)
    {
        var (code, stdout, stderr) = Run(Environment(), "collect", "--endpoint", endpoint);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains($"the endpoint '{endpoint}' (from --endpoint) is not an absolute http or https URL", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_UnreadableEvidence_ExitsTwoNamingTheFile()
    {
        var broken = Write("broken.json", "{ \"schemaVersion\": 1, ");

        var (code, stdout, stderr) = Run(Environment(), "collect", "--evidence", broken, "--endpoint", "http://127.0.0.1:1/x");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot read the evidence", stderr, StringComparison.Ordinal);
        Assert.Contains("broken.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_PasswordsStdinWithMissingSecondLine_ExitsOneNamingIt()
    {
        var environment = Environment();
        environment.Remove("INTACCT_SENDER_PASSWORD");
        environment.Remove("INTACCT_USER_PASSWORD");

        var (code, stdout, stderr) = RunWithStdin(environment, FakeCompany.SenderPassword + "\n", "collect", "--passwords-stdin", "--endpoint", "http://127.0.0.1:1/x");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("the user password (the second line of standard input)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sender password", stderr, StringComparison.Ordinal);
        AssertNoSecret(stdout, stderr);
    }

    [Fact]
    public void Collect_EvidenceAndPasswordsBothOnStandardInput_IsAUsageError()
    {
        var (code, _, stderr) = Run(Environment(), "collect", "--evidence", "-", "--passwords-stdin");

        Assert.Equal(1, code);
        Assert.Contains("Standard input can be read only once", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnoseCollect_WithBatch_IsAUsageError()
    {
        var (code, _, stderr) = Run(Environment(), "diagnose", "--batch", "-", "--collect");

        Assert.Equal(1, code);
        Assert.Contains("cannot be combined with --batch", stderr, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Environment(params (string Name, string Value)[] overrides)
    {
        var environment = new Dictionary<string, string?>
        {
            ["INTACCT_SENDER_ID"] = FakeCompany.SenderId,
            ["INTACCT_SENDER_PASSWORD"] = FakeCompany.SenderPassword,
            ["INTACCT_COMPANY_ID"] = FakeCompany.CompanyId,
            ["INTACCT_USER_ID"] = FakeCompany.UserId,
            ["INTACCT_USER_PASSWORD"] = FakeCompany.UserPassword,
        };
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static (int Code, string Stdout, string Stderr) Run(Dictionary<string, string?> environment, params string[] args) => RunWithStdin(environment, string.Empty, args);

    private static (int Code, string Stdout, string Stderr) RunWithStdin(Dictionary<string, string?> environment, string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), stdout, stderr, outputRedirected: true, environment: name => environment.GetValueOrDefault(name));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static void AssertNoSecret(params string[] outputs)
    {
        foreach (var secret in Secrets)
        {
            Assert.All(outputs, o => Assert.DoesNotContain(secret, o, StringComparison.Ordinal));
        }
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
