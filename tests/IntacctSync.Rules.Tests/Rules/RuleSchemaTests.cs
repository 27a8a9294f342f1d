using System.Text;
using System.Text.Json;
using IntacctSync.Rules.Rules;
using Json.Schema;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>The published rule schema and the loader agree: what one accepts the other accepts, and the same for refusals.</summary>
public class RuleSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(RuleSchema.Json));

    public static TheoryData<string> BuiltInFiles() => new(RuleSet.BuiltInFiles().Select(f => f.Source));

    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        { "code missing", RuleFiles.With("\"code\": \"INT999\",", string.Empty) },
        { "code not of the form INT123", RuleFiles.With("\"INT999\"", "\"E999\"") },
        { "unknown property", RuleFiles.With("\"phase\": \"sync\",", "\"phase\": \"sync\", \"severity\": 3,") },
        { "kind not allowed", RuleFiles.With("\"kind\": \"sync\"", "\"kind\": \"Sync\"") },
        { "subject unknown", RuleFiles.With("\"subject\": \"document\"", "\"subject\": \"report\"") },
        { "priority not a number", RuleFiles.With("\"phase\": \"sync\",", "\"phase\": \"sync\", \"priority\": \"high\",") },
        { "step without system", RuleFiles.With("\"system\": \"expensify\", ", string.Empty) },
        { "step without action", RuleFiles.With(", \"action\": \"Check {workspace}.\"", string.Empty) },
        { "cause without establishedWhen", RuleFiles.With("\"establishedWhen\": [ { \"when\": \"e.SignInFailed\", \"facts\": [] } ]", "\"excludedWhen\": []") },
        { "no steps", RuleFiles.With("{ \"cause\": \"only-cause\", \"system\": \"expensify\", \"path\": \"Settings > Workspaces\", \"action\": \"Check {workspace}.\" }", string.Empty) },
        { "blank title", RuleFiles.With("\"A test rule\"", "\"  \"") },
        { "API error with an error number and no text", RuleFiles.With("\"subject\": \"document\",", "\"subject\": \"document\", \"message\": { \"apiErrors\": [ { \"errorNo\": \"BL34000061\" } ] },") },
        { "API error with an unknown property", RuleFiles.With("\"subject\": \"document\",", "\"subject\": \"document\", \"message\": { \"apiErrors\": [ { \"text\": \"Bad {account}.\", \"code\": \"X\" } ] },") },
        { "placeholder naming no subject", RuleFiles.With("\"subject\": \"document\",", "\"subject\": \"document\", \"message\": { \"template\": \"Bad [X].\", \"placeholders\": { \"[X]\": \"thing\" } },") },
    };

    [Fact]
    public void Json_EqualsTheCommittedSchemaFile()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "rule.schema.json"));

        Assert.Equal(committed, RuleSchema.Json);
        using var document = JsonDocument.Parse(RuleSchema.Json);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(RuleSchema.Id, document.RootElement.GetProperty("$id").GetString());
    }

    [Theory]
    [MemberData(nameof(BuiltInFiles))]
    public void BuiltInRule_ValidatesAgainstSchema(string source)
    {
        var utf8 = RuleSet.BuiltInFiles().Single(f => f.Source == source).Utf8;

        var result = Evaluate(utf8);

        Assert.True(result.IsValid, $"{source} does not match rules/rule.schema.json:{Environment.NewLine}{Errors(result)}");
    }

    [Theory]
    [MemberData(nameof(BuiltInFiles))]
    public void BuiltInRule_NamesTheSchemaFirst(string source)
    {
        var text = Encoding.UTF8.GetString(RuleSet.BuiltInFiles().Single(f => f.Source == source).Utf8);

        Assert.StartsWith("{\n  \"$schema\": \"../rule.schema.json\",\n", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidTestRule_AcceptedBySchemaAndLoader()
    {
        var (rule, problems) = RuleFiles.Compile(RuleFiles.Valid);

        Assert.Empty(problems);
        Assert.NotNull(rule);
        Assert.True(Evaluate(Encoding.UTF8.GetBytes(RuleFiles.Valid)).IsValid);
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void InvalidDocument_RejectedBySchemaAndLoader(string what, string json)
    {
        var (rule, problems) = RuleFiles.Compile(json);
        var result = Evaluate(Encoding.UTF8.GetBytes(json));

        Assert.Null(rule);
        Assert.NotEmpty(problems);
        Assert.False(result.IsValid, $"the schema accepts a document with {what}");
    }

    private static EvaluationResults Evaluate(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).SelectMany(d => (d.Errors ?? new Dictionary<string, string>()).Select(e => $"  {d.InstanceLocation} ({e.Key}): {e.Value}")));
}
