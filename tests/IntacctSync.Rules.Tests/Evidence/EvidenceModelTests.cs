using System.Collections;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Evidence.Json;

namespace IntacctSync.Rules.Tests.Evidence;

/// <summary>
/// <see cref="EvidenceModel"/> (generated with the fast reader) must describe the model as System.Text.Json's
/// metadata does (the same fields, names, types, order and values) and write every value of every document as
/// the serializer writes it with the evidence options, compact, with the relaxed encoder: cited facts read and
/// write through it.
/// </summary>
public sealed class EvidenceModelTests
{
    /// <summary>The serializer's view of a cited value, the oracle: the evidence options, compact, the relaxed encoder.</summary>
    internal static readonly JsonSerializerOptions SerializerOptions = new(EvidenceJsonOptions.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Fields_AreTheSerializersProperties()
    {
        var records = RecordTypes();

        Assert.True(records.Count > 20, $"only {records.Count} record types found");
        foreach (var type in records)
        {
            var info = SerializerOptions.GetTypeInfo(type);
            Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
            Assert.Equal(
                info.Properties.Select(p => (p.Name, p.PropertyType)),
                EvidenceModel.Fields(type).Select(f => (f.Name, f.Type)));
        }

        Assert.Empty(EvidenceModel.Fields(typeof(string)));
        Assert.Null(EvidenceModel.Field(typeof(SyncEvidence), "SchemaVersion"));
        Assert.Equal(typeof(Expense), EvidenceModel.ElementType(typeof(IReadOnlyList<Expense>)));
        Assert.Equal(typeof(IReadOnlyList<ObjectRight>), EvidenceModel.ElementType(typeof(IReadOnlyDictionary<string, IReadOnlyList<ObjectRight>>)));
        Assert.Null(EvidenceModel.ElementType(typeof(string)));
    }

    [Fact]
    public void EveryValueOfEveryDocument_IsReadAndWrittenAsTheSerializerDoes()
    {
        var visited = new HashSet<Type>();
        var compared = 0;
        var failures = new List<string>();
        foreach (var file in FastEvidenceReaderTests.AllDocuments())
        {
            var evidence = SyncEvidenceJson.Read(File.ReadAllBytes(Path.Combine(RepoPaths.TestProject, file)), file);
            Visit(evidence, typeof(SyncEvidence), "$");

            void Visit(object value, Type declared, string path)
            {
                visited.Add(declared);
                compared++;
                var expected = JsonSerializer.Serialize(value, declared, SerializerOptions);
                var actual = Write(value, declared);
                if (expected != actual && failures.Count < 10)
                {
                    failures.Add($"{file} {path} ({declared.Name}): serializer {expected}, EvidenceModel {actual}");
                }

                if (EvidenceModel.Fields(declared) is { Count: > 0 } fields)
                {
                    var properties = SerializerOptions.GetTypeInfo(declared).Properties;
                    for (var i = 0; i < fields.Count; i++)
                    {
                        var field = fields[i].Get(value);
                        if (!Equals(field, properties[i].Get!(value)) && failures.Count < 10)
                        {
                            failures.Add($"{file} {path}.{fields[i].Name}: the getters disagree");
                        }

                        if (field is not null)
                        {
                            Visit(field, fields[i].Type, path + "." + fields[i].Name);
                        }
                    }
                }
                else if (EvidenceModel.ElementType(declared) is { } element)
                {
                    var items = value is IDictionary map ? map.Values : (IEnumerable)value;
                    var index = 0;
                    foreach (var item in items)
                    {
                        Visit(item!, element, $"{path}[{index++}]");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(compared > 5_000, $"only {compared} values compared");
        var declaredTypes = RecordTypes().SelectMany(t => SerializerOptions.GetTypeInfo(t).Properties.Select(p => p.PropertyType)).ToHashSet();
        Assert.Empty(declaredTypes.Where(t => !visited.Contains(t)).Select(t => t.ToString()));
    }

    [Fact]
    public void UnsetEnum_IsWrittenAsNull_AsTheSerializerWritesIt()
    {
        Assert.Equal("null", Write(ModuleAccess.Unset, typeof(ModuleAccess?)));
        Assert.Equal(JsonSerializer.Serialize<ModuleAccess?>(ModuleAccess.Unset, SerializerOptions), Write(ModuleAccess.Unset, typeof(ModuleAccess?)));
    }

    [Fact]
    public void TypeOutsideTheModel_IsRefusedNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Write(new Uri("https://example.invalid"), typeof(Uri)));

        Assert.Contains("System.Uri is not a type of the evidence model", error.Message, StringComparison.Ordinal);
    }

    private static string Write(object value, Type declared)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            EvidenceModel.Write(writer, value, declared);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The record types of the model as the serializer's metadata finds them from <see cref="SyncEvidence"/>.</summary>
    private static List<Type> RecordTypes()
    {
        var found = new List<Type>();
        var pending = new Queue<Type>([typeof(SyncEvidence)]);
        while (pending.TryDequeue(out var type))
        {
            var info = SerializerOptions.GetTypeInfo(type);
            if (info.Kind == JsonTypeInfoKind.Object && !found.Contains(type))
            {
                found.Add(type);
                foreach (var property in info.Properties)
                {
                    pending.Enqueue(property.PropertyType);
                }
            }
            else if (info.ElementType is { } element)
            {
                pending.Enqueue(element);
            }
        }

        return found;
    }
}
