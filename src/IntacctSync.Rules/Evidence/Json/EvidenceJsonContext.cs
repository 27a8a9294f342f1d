using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>Source-generated metadata for the evidence model; the strict reading rules are added by <see cref="EvidenceJsonOptions"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.Unspecified,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    WriteIndented = true)]
[JsonSerializable(typeof(SyncEvidence))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
