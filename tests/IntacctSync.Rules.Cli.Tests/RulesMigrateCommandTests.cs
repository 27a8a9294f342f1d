using static IntacctSync.Rules.Cli.Tests.AuthoringFiles;

namespace IntacctSync.Rules.Cli.Tests;

public sealed class RulesMigrateCommandTests : IDisposable
{
    private const string OneFact = """
        {
          "code": "INT998",
          "kind": "export",
          "phase": "export",
          "title": "A rule that migrates",
          "subject": "document",
          "indicatedWhen": "e.Failed",
          "causes": [
            {
              "id": "tax-off",
              "summary": "Tax import is off.",
              "establishedWhen": [ { "when": "e.Evidence.Workspace.Coding.TaxImportEnabled == false", "facts": ["workspace.coding.taxImportEnabled"] } ],
              "excludedWhen": [ { "when": "e.Evidence.Workspace.Coding.TaxImportEnabled == true", "facts": ["workspace.coding.taxImportEnabled"] } ]
            }
          ],
          "steps": [ { "cause": "tax-off", "system": "expensify", "path": "Coding", "action": "Turn tax import on." } ]
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("intacct-sync-migrate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Migrate_RewritesWhatItCan_ListsTheRestWithFileAndLine_ExitsSix()
    {
        var simple = Write(_dir, "INT998.json", OneFact);
        var twoConditions = Write(_dir, "INT997.json", OneFact
            .Replace("INT998", "INT997", StringComparison.Ordinal)
            .Replace("A rule that migrates", "A rule that does not", StringComparison.Ordinal)
            .Replace("\"excludedWhen\": [ {", "\"excludedWhen\": [ { \"when\": \"e.SignInFailed\" }, {", StringComparison.Ordinal));

        var (code, stdout, stderr) = Run("rules", "migrate", _dir);

        Assert.Equal(6, code);
        Assert.Empty(stderr);
        Assert.Contains($"migrated: {simple}", stdout, StringComparison.Ordinal);
        Assert.Contains($"{twoConditions}:", stdout, StringComparison.Ordinal);
        Assert.Contains("cause tax-off: 2 excludedWhen conditions", stdout, StringComparison.Ordinal);
        Assert.Contains("1 migrated, 0 already format 2, 1 left in format 1", stdout, StringComparison.Ordinal);
        Assert.Contains("\"format\": 2", File.ReadAllText(simple), StringComparison.Ordinal);
        Assert.DoesNotContain("\"format\"", File.ReadAllText(twoConditions), StringComparison.Ordinal);

        File.Delete(twoConditions);
        var (validate, _, _) = Run("rules", "validate", _dir);
        Assert.Equal(0, validate);
        var (again, againOut, _) = Run("rules", "migrate", _dir);
        Assert.Equal(0, again);
        Assert.Contains("0 migrated, 1 already format 2, 0 left in format 1", againOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_DryRun_ChangesNoFile()
    {
        var simple = Write(_dir, "INT998.json", OneFact);

        var (code, stdout, _) = Run("rules", "migrate", _dir, "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains($"would migrate: {simple}", stdout, StringComparison.Ordinal);
        Assert.Equal(OneFact, File.ReadAllText(simple));
    }
}
