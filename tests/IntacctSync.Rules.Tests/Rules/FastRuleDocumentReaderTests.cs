using System.Text;
using System.Text.Json;
using IntacctSync.Rules.Generators;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Definition;
using IntacctSync.Rules.Tests.Evidence;
using IntacctSync.Rules.Tests.Generation;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// <see cref="FastRuleDocumentReader"/> must be current (generated from the rule-file types as they are) and must read
/// exactly the files <c>RuleDocumentJsonContext</c> accepts, into the same document, giving up on every other one
/// (which the compiler then reads through the serializer, reporting the problem with its line).
/// </summary>
public sealed class FastRuleDocumentReaderTests
{
    public static TheoryData<string> BuiltInRules() => new(RuleSet.BuiltInFiles().Select(f => f.Source));

    [Fact]
    public void GeneratedFile_IsCurrent() =>
        GeneratedFileAssert.Current(GeneratedSource.RuleReader);

    [Theory]
    [MemberData(nameof(BuiltInRules))]
    public void BuiltInRule_IsReadFast_IntoWhatTheSerializerReads(string source)
    {
        var utf8 = RuleSet.BuiltInFiles().Single(f => f.Source == source).Utf8;

        var fast = FastRuleDocumentReader.TryRead(utf8);

        Assert.NotNull(fast);
        Assert.Equal(Serializer(utf8), Write(fast));
    }

    [Fact]
    public void MutatedRules_AreReadFast_ExactlyWhenTheSerializerAcceptsThem()
    {
        var random = new Random(20261203);
        var compared = 0;
        var accepted = 0;
        var refused = 0;
        var disagreements = new List<string>();
        foreach (var (source, original) in RuleSet.BuiltInFiles())
        {
            foreach (var (what, mutated) in FastEvidenceReaderTests.Mutations(original, random))
            {
                compared++;
                var strict = Serializer(mutated);
                _ = strict is null ? refused++ : accepted++;
                var fast = FastRuleDocumentReader.TryRead(mutated);
                var quick = fast is null ? null : Write(fast);
                if (quick != strict && disagreements.Count < 10)
                {
                    disagreements.Add($"{source}, {what}: fast {(quick is null ? "gave up" : "read it")}, serializer {(strict is null ? "refused it" : "read it")}:{Environment.NewLine}{Encoding.UTF8.GetString(mutated)}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, disagreements));
        Assert.True(compared > 5_000, $"only {compared} files compared");
        Assert.True(accepted > 1_000 && refused > 1_000, $"{accepted} accepted and {refused} refused: the mutations must exercise both sides");
    }

    [Theory]
    [InlineData("// a comment\n{ \"code\": \"INT999\", /* another */ \"notes\": [\"a\", null,], \"priority\": 7, }\n// end")]
    [InlineData("{\"$schema\": \"../rule.schema.json\", \"message\": null, \"subjectValues\": {\"a\": null, \"b\": \"x\"}, \"override\": true}")]
    [InlineData("{\"causes\": [null, {\"id\": \"c\", \"establishedWhen\": [{\"when\": \"true\", \"facts\": null}]}]}")]
    public void CommentsTrailingCommasAndNulls_AreReadAsTheSerializerReadsThem(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        var fast = FastRuleDocumentReader.TryRead(utf8);

        Assert.NotNull(fast);
        Assert.Equal(Serializer(utf8), Write(fast));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"code\": \"A\", \"code\": \"B\"}")]
    [InlineData("{\"Code\": \"A\"}")]
    [InlineData("{\"priority\": 1.5}")]
    [InlineData("{\"priority\": \"1\"}")]
    [InlineData("{\"override\": null}")]
    [InlineData("{\"subjectValues\": {\"a\": \"x\", \"a\": \"y\"}}")]
    [InlineData("{\"steps\": {}}")]
    [InlineData("{} {}")]
    public void Refused_Files_AreLeftToTheSerializer(string json)
    {
        Assert.Null(FastRuleDocumentReader.TryRead(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void PriorityLeftOut_KeepsItsDefault()
    {
        Assert.Equal(100, FastRuleDocumentReader.TryRead("{}"u8)!.Priority);
    }

    /// <summary>What the serializer reads, written back as JSON; <c>null</c> when it refuses the file.</summary>
    private static string? Serializer(byte[] utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, RuleDocumentJsonContext.Default.RuleDocument) is { } document ? Write(document) : "null";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Write(RuleDocument document) => JsonSerializer.Serialize(document, RuleDocumentJsonContext.Default.RuleDocument);
}
