using System.Text.Json;

namespace IntacctSync.Rules.Cli.Tests;

/// <summary><c>intacct-sync diagnose [FILE] --intacct-response RESPONSE</c>.</summary>
public sealed class DiagnoseIntacctResponseTests : IDisposable
{
    private const string PermissionResponse = """
        <?xml version="1.0" encoding="UTF-8"?>
        <response>
          <control><status>success</status><senderid>expensifyinc</senderid><controlid>req-1</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>
          <operation>
            <authentication><status>success</status><userid>xmlgateway_expensify</userid><companyid>acme-demo</companyid></authentication>
            <result>
              <status>failure</status><function>readByQuery</function><controlid>dims-1</controlid>
              <errormessage>
                <error><errorno>PL04000005</errorno><description></description><description2>You do not have permission for API operation READ_BY_QUERY on objects of type costcenter [Support ID: Xy3d1EB030~Z9q2P0o8kZ]</description2><correction></correction></error>
              </errormessage>
            </result>
          </operation>
        </response>
        """;

    private const string Evidence = """
        {
          "schemaVersion": 1,
          "operation": "sync",
          "apiErrors": [ { "api": "xml", "level": "result", "status": "failure", "errorNo": "DL02000001", "description": "Error", "description2": "There was an error processing the request." } ],
          "workspace": { "coding": { "dimensions": [ { "id": "COSTCENTER", "enabled": true, "importAs": "tag" } ] } }
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-cli-response-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Diagnose_FileAndResponse_MergesResponseErrorsAfterTheEvidences()
    {
        var evidence = Write("evidence.json", Evidence);
        var response = Write("response.xml", PermissionResponse);

        var (code, stdout, stderr) = Run("diagnose", evidence, "--intacct-response", response, "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = report.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("INT402", diagnosis.GetProperty("code").GetString());
        Assert.Equal("confirmed", diagnosis.GetProperty("certainty").GetString());
        Assert.Equal("user-cannot-read-udd", diagnosis.GetProperty("causes")[0].GetProperty("id").GetString());
        var facts = diagnosis.GetProperty("causes")[0].GetProperty("facts").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("apiErrors[object=COSTCENTER].description2 = \"You do not have permission for API operation READ_BY_QUERY on objects of type costcenter\"", facts);
        Assert.Equal(["DL02000001: Error There was an error processing the request."], report.RootElement.GetProperty("unexplained").EnumerateArray().Select(u => u.GetString()));
    }

    [Fact]
    public void Diagnose_ResponseAlone_IsTheEvidence()
    {
        var response = Write("response.xml", PermissionResponse);

        var (code, stdout, stderr) = Run("diagnose", "--intacct-response", response, "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var report = JsonDocument.Parse(stdout);
        var diagnosis = report.RootElement.GetProperty("diagnoses")[0];
        Assert.Equal("INT402", diagnosis.GetProperty("code").GetString());
        Assert.Equal("COSTCENTER", diagnosis.GetProperty("subject").GetProperty("dimension").GetString());
    }

    [Fact]
    public void Diagnose_ProxyErrorPage_ReportsSageIntacctUnavailable()
    {
        var response = Write("502.html", "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");

        var (code, stdout, _) = Run("diagnose", "--intacct-response", response, "--format", "json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal("UNCLASSIFIED", report.RootElement.GetProperty("diagnoses")[0].GetProperty("code").GetString());
        Assert.StartsWith("INTACCT-UNAVAILABLE: Sage Intacct unavailable", report.RootElement.GetProperty("unexplained")[0].GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> UnreadableResponses() => new()
    {
        { "garbage.txt", "hello world", "neither XML nor JSON" },
        { "broken.xml", "<response><control>", "not well-formed XML" },
        { "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n<response>&x;</response>", "declares a DTD" },
        { "other.json", """{ "data": [] }""", "not a Sage Intacct REST response" },
    };

    [Theory]
    [MemberData(nameof(UnreadableResponses))]
    public void Diagnose_UnreadableResponse_ExitsTwoWithErrorOnStandardErrorOnly(string name, string content, string reason)
    {
        var response = Write(name, content);

        var (code, stdout, stderr) = Run("diagnose", "--intacct-response", response, "--format", "json");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot read the Intacct response", stderr, StringComparison.Ordinal);
        Assert.Contains(name, stderr, StringComparison.Ordinal);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_MissingResponseFileWithEvidence_ExitsTwo()
    {
        var evidence = Write("evidence.json", Evidence);

        var (code, stdout, stderr) = Run("diagnose", evidence, "--intacct-response", Path.Combine(_dir, "nope.xml"));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_ResponseWithInvalidUtf8_ExitsTwoNamingTheByteOffset()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(PermissionResponse);
        var at = Array.IndexOf(bytes, (byte)'[');
        bytes[at] = 0xFF;
        var path = Path.Combine(_dir, "response.xml");
        File.WriteAllBytes(path, bytes);
        var line = bytes.AsSpan(0, at).Count((byte)'\n') + 1;

        var (code, stdout, stderr) = Run("diagnose", "--intacct-response", path);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var message = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"intacct-sync: cannot read the Intacct response: {path}: the response is not valid UTF-8: byte 0xFF at byte offset {at} ", message, StringComparison.Ordinal);
        Assert.Contains($"(line {line}, col ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_NoFileMessageOrResponse_ExitsOneNamingAllThree()
    {
        var (code, stdout, stderr) = Run("diagnose", "--format", "json");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("--intacct-response", stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, () => new MemoryStream(), stdout, stderr, outputRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
