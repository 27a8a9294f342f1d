using System.Text;
using System.Text.Json;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary><c>intacct-sync diagnose [FILE] --intacct-response -</c>: the response from standard input.</summary>
public sealed class DiagnoseIntacctResponseStdinTests : IDisposable
{
    private const string MissingDimensionResponse = """
        <?xml version="1.0" encoding="UTF-8"?>
        <response>
          <control><status>success</status><senderid>expensifyinc</senderid><controlid>req-1</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>
          <operation>
            <authentication><status>success</status><userid>xmlgateway_expensify</userid><companyid>acme-demo</companyid></authentication>
            <result>
              <status>failure</status><function>create</function><controlid>bill-1</controlid>
              <errormessage>
                <error><errorno>BL01001973</errorno><description></description><description2>This transaction is missing the Location dimension for the Account 6100</description2><correction></correction></error>
                <error><errorno>BL01001973</errorno><description></description><description2>Could not create APBILL record!</description2><correction></correction></error>
              </errormessage>
            </result>
          </operation>
        </response>
        """;

    private const string Evidence = """
        { "schemaVersion": 1, "operation": "export", "messages": [ "Something odd happened" ] }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-cli-stdin-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Diagnose_ResponseFromStandardInput_IsTheEvidence()
    {
        var (code, stdout, stderr) = Run(MissingDimensionResponse, "diagnose", "--intacct-response", "-", "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = report.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("INT073", diagnosis.GetProperty("code").GetString());
        Assert.Equal("6100", diagnosis.GetProperty("subject").GetProperty("account").GetString());
        Assert.Equal("Location", diagnosis.GetProperty("subject").GetProperty("dimension").GetString());
        Assert.Empty(report.RootElement.GetProperty("unexplained").EnumerateArray());
    }

    [Fact]
    public void Diagnose_FileAndResponseFromStandardInput_MergesBoth()
    {
        var evidence = Path.Combine(_dir, "evidence.json");
        File.WriteAllText(evidence, Evidence);

        var (code, stdout, stderr) = Run(MissingDimensionResponse, "diagnose", evidence, "--intacct-response", "-", "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("INT073", report.RootElement.GetProperty("diagnoses")[0].GetProperty("code").GetString());
        Assert.Equal(["Something odd happened"], report.RootElement.GetProperty("unexplained").EnumerateArray().Select(u => u.GetString()));
    }

    [Theory]
    [InlineData("diagnose", "-", "--intacct-response", "-")]
    [InlineData("diagnose", "--intacct-response", "-", "--intacct-response", "-")]
    public void Diagnose_StandardInputTwice_ExitsOneWithClearMessage(params string[] args)
    {
        var (code, stdout, stderr) = Run(MissingDimensionResponse, [.. args, "--format", "json"]);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("Standard input can be read only once", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_UnreadableResponseOnStandardInput_ExitsTwoNamingStdin()
    {
        var (code, stdout, stderr) = Run("<response><control>", "diagnose", "--intacct-response", "-", "--format", "json");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot read the Intacct response", stderr, StringComparison.Ordinal);
        Assert.Contains("<stdin>", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
