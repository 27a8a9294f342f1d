using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Evidence.Json;
using IntacctSync.Rules.Generators;
using IntacctSync.Rules.Tests.Generation;
using IntacctSync.Rules.Tests.Shared;

namespace IntacctSync.Rules.Tests.Evidence;

/// <summary>
/// <see cref="FastEvidenceReader"/> must be current (generated from the model as it is) and must agree with the
/// serializer path (<see cref="SyncEvidenceJson.ReadWithSerializer"/>) on every document: it reads exactly the
/// documents the serializer path accepts, into the same evidence, and gives up on every other one, which the
/// serializer path then refuses with its error.
/// </summary>
public sealed class FastEvidenceReaderTests
{
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "1", "-1", "1.5", "1e3", "2147483648", "79228162514264337593543950336", "\"\"", "\"x\"",
        "\"2026-11-20\"", "\"2026-11-20T09:12:00Z\"", "\"2026-11-20T09:12:00\"", "\"2026-02-30\"", "\"sync\"", "\"export\"",
        "\"failed\"", "\"Sync\"", "\"list\"", "\"unset\"", "{}", "[]", "[null]", "[\"x\"]", "[{}]", "{\"a\":1}", "\"\\u00e9\"",
    ];

    public static TheoryData<string> Documents() => new(AllDocuments());

    /// <summary>Every rule case, and the documents here that hold the fields no rule case holds (paths under the test project).</summary>
    internal static IEnumerable<string> AllDocuments() =>
        RuleCorpusTests.CaseFiles().Select(f => Path.Combine(RepoPaths.Cases, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.TestProject, "Evidence", "Documents"), "*.json").Order(StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.TestProject, f).Replace('\\', '/'));

    [Fact]
    public void GeneratedFile_IsCurrent() =>
        GeneratedFileAssert.Current(GeneratedSource.EvidenceReader);

    [Fact]
    public void GeneratedModelFile_IsCurrent() =>
        GeneratedFileAssert.Current(GeneratedSource.EvidenceModel);

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_IsReadFast_IntoWhatTheSerializerPathReads(string relativePath)
    {
        var utf8 = File.ReadAllBytes(Path.Combine(RepoPaths.TestProject, relativePath));

        var fast = FastEvidenceReader.TryRead(utf8);

        Assert.NotNull(fast);
        Assert.Equal(SyncEvidenceJson.Write(SyncEvidenceJson.ReadWithSerializer(utf8, relativePath)), SyncEvidenceJson.Write(fast));
    }

    [Fact]
    public void Corpus_HoldsEveryFieldOfTheModel()
    {
        // The agreement above proves something for the fields the corpus holds: make sure it holds them all.
        var missing = new SortedSet<string>(AllFieldPaths(typeof(SyncEvidence), "$"), StringComparer.Ordinal);
        foreach (var file in AllDocuments())
        {
            Remove(missing, JsonNode.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.TestProject, file))), "$");
        }

        Assert.True(missing.Count == 0, "no case document holds: " + string.Join(", ", missing));
    }

    [Fact]
    public void MutatedDocuments_AreReadFast_ExactlyWhenTheSerializerPathAcceptsThem()
    {
        var random = new Random(20261203);
        var compared = 0;
        var accepted = 0;
        var refused = 0;
        var disagreements = new List<string>();
        foreach (var file in AllDocuments())
        {
            var original = File.ReadAllBytes(Path.Combine(RepoPaths.TestProject, file));
            foreach (var (what, mutated) in Mutations(original, random))
            {
                compared++;
                var fast = FastEvidenceReader.TryRead(mutated);
                string? strict;
                try
                {
                    strict = SyncEvidenceJson.Write(SyncEvidenceJson.ReadWithSerializer(mutated, file));
                    accepted++;
                }
                catch (EvidenceFormatException)
                {
                    strict = null;
                    refused++;
                }

                var quick = fast is null ? null : SyncEvidenceJson.Write(fast);
                if (quick != strict && disagreements.Count < 10)
                {
                    disagreements.Add($"{file}, {what}: fast {(quick is null ? "gave up" : "read it")}, serializer path {(strict is null ? "refused it" : "read it")}{(quick is not null && strict is not null ? " differently" : string.Empty)}:{Environment.NewLine}{Encoding.UTF8.GetString(mutated)}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, disagreements));
        Assert.True(compared > 10_000, $"only {compared} documents compared");
        Assert.True(accepted > 1_000 && refused > 1_000, $"{accepted} accepted and {refused} refused: the mutations must exercise both sides");
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1} x")]
    [InlineData("{\"schemaVersion\":1,}")]
    [InlineData("{\"schemaVersion\":1 /* c */}")]
    [InlineData("{\"schemaVersion\":2}")]
    [InlineData("{\"schemaVersion\":\"1\"}")]
    [InlineData("{\"operation\":\"sync\"}")]
    [InlineData("{\"schemaVersion\":1,\"schemaVersion\":1}")]
    [InlineData("{\"schemaVersion\":1,\"SchemaVersion\":1}")]
    [InlineData("{\"schemaVersion\":1,\"messages\":[\"a\",null]}")]
    [InlineData("{\"schemaVersion\":1,\"workspace\":null}")]
    [InlineData("{\"schemaVersion\":1,\"webServicesUser\":{\"objects\":{\"A\":[\"list\"],\"A\":[\"view\"]}}}")]
    [InlineData("[{\"schemaVersion\":1}]")]
    [InlineData("{\"schemaVersion\":1,\"report\":{\"expenses\":[{\"merchant\":\"\\ud800\"}]}}")]
    public void Refused_Documents_AreLeftToTheSerializerPath(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.Null(FastEvidenceReader.TryRead(utf8));
        Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(utf8));
    }

    [Fact]
    public void DeepDocument_IsLeftToTheSerializerPath()
    {
        var utf8 = Encoding.UTF8.GetBytes("{\"schemaVersion\":1,\"workspace\":{\"coding\":{\"dimensions\":[" + new string('[', 20) + new string(']', 20) + "]}}}");

        Assert.Null(FastEvidenceReader.TryRead(utf8));
        Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(utf8));
    }

    [Fact]
    public void EscapedNamesAndTexts_AreReadAsTheSerializerPathReadsThem()
    {
        var utf8 = Encoding.UTF8.GetBytes("{\"schema\\u0056ersion\":1,\"messages\":[\"caf\\u00e9 \\\"q\\\"\"],\"workspace\":{\"name\":null}}");

        var fast = FastEvidenceReader.TryRead(utf8);

        Assert.NotNull(fast);
        Assert.Equal("café \"q\"", Assert.Single(fast.Messages!));
        Assert.Equal(string.Empty, fast.Workspace!.Name);
        Assert.Equal(SyncEvidenceJson.Write(SyncEvidenceJson.ReadWithSerializer(utf8, null)), SyncEvidenceJson.Write(fast));
    }

    /// <summary>Every value of the document replaced (by a few of <see cref="Replacements"/>), removed, renamed,
    /// repeated; then a few byte-level mutations.</summary>
    internal static IEnumerable<(string What, byte[] Utf8)> Mutations(byte[] original, Random random)
    {
        var root = JsonNode.Parse(original)!;
        var paths = new List<(JsonNode Parent, string? Name, int Index)>();
        Collect(root, paths);
        foreach (var (parent, name, index) in paths)
        {
            for (var k = 0; k < 3; k++)
            {
                var replacement = Replacements[random.Next(Replacements.Length)];
                var copy = root.DeepClone();
                Set(Find(copy, parent, root), name, index, JsonNode.Parse(replacement));
                yield return ($"{parent.GetPath()} {name ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)} = {replacement}", Encoding.UTF8.GetBytes(copy.ToJsonString()));
            }

            if (name is not null)
            {
                var text = root.ToJsonString();
                var token = $"\"{name}\":";
                var at = text.IndexOf(token, StringComparison.Ordinal);
                if (at >= 0)
                {
                    yield return ($"{name} renamed", Encoding.UTF8.GetBytes(text.Remove(at + 1, 1).Insert(at + 1, char.ToUpperInvariant(name[0]).ToString())));
                    yield return ($"{name} repeated", Encoding.UTF8.GetBytes(text.Insert(at, $"\"{name}\":null,")));
                }

                var removed = root.DeepClone();
                ((JsonObject)Find(removed, parent, root)).Remove(name);
                yield return ($"{name} removed", Encoding.UTF8.GetBytes(removed.ToJsonString()));
            }
        }

        for (var k = 0; k < 5; k++)
        {
            yield return ("bits flipped", ByteMutations.FlipBits(original, random));
            yield return ("truncated", ByteMutations.Truncate(original, random));
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Name, int Index)> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    into.Add((obj, name, -1));
                    if (child is not null)
                    {
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    into.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    /// <summary>The node of <paramref name="copy"/> at the place <paramref name="node"/> has in <paramref name="original"/>.</summary>
    private static JsonNode Find(JsonNode copy, JsonNode node, JsonNode original) =>
        ReferenceEquals(node, original) ? copy : Walk(copy, node, original);

    private static JsonNode Walk(JsonNode copy, JsonNode node, JsonNode original)
    {
        var steps = new Stack<object>();
        for (var n = node; n != original; n = n.Parent!)
        {
            steps.Push(n.Parent is JsonArray array ? IndexIn(array, n) : n.GetPropertyName());
        }

        var at = copy;
        while (steps.TryPop(out var step))
        {
            at = step is int i ? at[i]! : at[(string)step]!;
        }

        return at;
    }

    private static int IndexIn(JsonArray array, JsonNode node)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (ReferenceEquals(array[i], node))
            {
                return i;
            }
        }

        throw new InvalidOperationException("node not in its parent");
    }

    private static void Set(JsonNode parent, string? name, int index, JsonNode? value)
    {
        if (name is not null)
        {
            parent[name] = value;
        }
        else
        {
            parent[index] = value;
        }
    }

    private static IEnumerable<string> AllFieldPaths(Type type, string path)
    {
        foreach (var property in type.GetProperties())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var here = path + "." + name;
            yield return here;
            var inner = property.PropertyType;
            if (inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            {
                inner = inner.GetGenericArguments()[0];
                here += "[]";
            }

            if (inner.IsClass && inner.Namespace == typeof(SyncEvidence).Namespace)
            {
                foreach (var nested in AllFieldPaths(inner, here))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void Remove(SortedSet<string> missing, JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj when !path.EndsWith(".objects", StringComparison.Ordinal) && !path.EndsWith(".tags", StringComparison.Ordinal):
                foreach (var (name, child) in obj)
                {
                    missing.Remove(path + "." + name);
                    Remove(missing, child, path + "." + name);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Remove(missing, item, path + "[]");
                }

                break;
        }
    }
}
