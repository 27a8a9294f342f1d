using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>
/// Builds the evidence format's JSON Schema from the serializer's own metadata. The exporter cannot see
/// through the custom converters (it emits <c>true</c> for them and a nullable type for every reference
/// type), so each node is rewritten from the converter that reads it: what the schema accepts is what
/// <see cref="SyncEvidenceJson"/> accepts.
/// </summary>
internal static class EvidenceSchemaBuilder
{
    public const string Id = "https://intacctsync.rules/schemas/sync-evidence.v1.schema.json";

    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Dictionary<string, string> TopLevelDescriptions = new(StringComparer.Ordinal)
    {
        ["schemaVersion"] = "The evidence format's version: 1.",
        ["operation"] = "Which job the evidence is about.",
        ["outcome"] = "How that job ended; a message or an API error implies a failure.",
        ["observedAt"] = "When the evidence was taken; \"today\" for date rules.",
        ["messages"] = "Error texts as a person saw them.",
        ["apiErrors"] = "Errors from Sage Intacct API responses, in response order.",
        ["connection"] = "The connection to Sage Intacct.",
        ["webServicesUser"] = "The Intacct user the integration signs in as.",
        ["intacct"] = "What the Intacct company looks like.",
        ["workspace"] = "The integration's own settings.",
        ["report"] = "The report being exported.",
    };

    public static JsonNode Build()
    {
        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };

        return EvidenceJsonOptions.Options.GetJsonSchemaAsNode(typeof(SyncEvidence), exporterOptions);
    }

    private static JsonObject Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var info = context.TypeInfo;
        var property = context.PropertyInfo;
        JsonObject result;
        if (property is { Name: "schemaVersion" } && property.DeclaringType == typeof(SyncEvidence))
        {
            result = new JsonObject { ["type"] = "integer", ["const"] = SyncEvidence.CurrentSchemaVersion };
        }
        else if (ScalarSchema(info) is { } scalar)
        {
            result = scalar;
        }
        else
        {
            result = info.Kind switch
            {
                JsonTypeInfoKind.Object => Container("object", schema, "properties", "required", "additionalProperties"),
                JsonTypeInfoKind.Enumerable => WithElement(Container("array", schema), "items", info.ElementType!, schema),
                JsonTypeInfoKind.Dictionary => WithElement(Container("object", schema), "additionalProperties", info.ElementType!, schema),
                _ => throw new InvalidOperationException(
                    $"The evidence schema has no mapping for {info.Type} (converter {info.Converter.GetType().Name}); add one to {nameof(EvidenceSchemaBuilder)}."),
            };
        }

        if (property is not null && property.DeclaringType == typeof(SyncEvidence) && TopLevelDescriptions.TryGetValue(property.Name, out var description))
        {
            result = Prepend(result, ("description", description));
        }

        return context.Path.IsEmpty && property is null ? Root(result) : result;
    }

    /// <summary>The schema of a value read by one of the evidence converters, or <c>null</c> for containers.</summary>
    private static JsonObject? ScalarSchema(JsonTypeInfo info)
    {
        var converter = info.Converter;
        return converter switch
        {
            TextConverter => new JsonObject { ["type"] = new JsonArray("string", "null") },
            BooleanConverter => new JsonObject { ["type"] = "boolean" },
            Int32Converter => new JsonObject { ["type"] = "integer" },
            DecimalConverter => new JsonObject { ["type"] = "number" },
            DateTimeOffsetConverter => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            DateOnlyConverter => new JsonObject { ["type"] = "string", ["format"] = "date" },
            _ when IsGeneric(converter, typeof(NullableEnumConverter<>)) => EnumSchema(Nullable.GetUnderlyingType(info.Type)!, nullAllowed: true),
            _ when IsGeneric(converter, typeof(EnumConverter<>)) => EnumSchema(info.Type, nullAllowed: false),
            _ => null,
        };
    }

    private static bool IsGeneric(JsonConverter converter, Type definition) =>
        converter.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == definition;

    /// <summary>The member names as the enum converters read them: camelCase, without the <c>Unset</c> member (0).</summary>
    private static JsonObject EnumSchema(Type enumType, bool nullAllowed)
    {
        var names = new JsonArray();
        foreach (var name in Enum.GetNames(enumType))
        {
            if (Convert.ToInt64(Enum.Parse(enumType, name), System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                names.Add((JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name)));
            }
        }

        if (nullAllowed)
        {
            names.Add(null);
        }

        return new JsonObject { ["enum"] = names };
    }

    /// <summary>An object or array schema that refuses <c>null</c>, keeping the exporter's <paramref name="keep"/> keywords.</summary>
    private static JsonObject Container(string type, JsonNode schema, params string[] keep)
    {
        var result = new JsonObject { ["type"] = type };
        if (schema is JsonObject source)
        {
            foreach (var keyword in keep)
            {
                if (source[keyword] is { } value)
                {
                    source.Remove(keyword);
                    result[keyword] = value;
                }
            }
        }

        return result;
    }

    /// <summary>Adds the schema of a list's items or a dictionary's values; the exporter leaves scalar ones out.</summary>
    private static JsonObject WithElement(JsonObject result, string keyword, Type elementType, JsonNode schema)
    {
        var elementInfo = EvidenceJsonOptions.Options.GetTypeInfo(elementType);

        // null means "observed empty" only on a text field; a list entry or map value that is null means nothing.
        var element = elementInfo.Converter is TextConverter ? new JsonObject { ["type"] = "string" } : ScalarSchema(elementInfo);
        if (element is null && schema is JsonObject source && source[keyword] is { } exported)
        {
            source.Remove(keyword);
            element = exported as JsonObject;
        }

        result[keyword] = element ?? throw new InvalidOperationException(
            $"The evidence schema has no mapping for {elementType}; add one to {nameof(EvidenceSchemaBuilder)}.");
        return result;
    }

    private static JsonObject Root(JsonObject schema) => Prepend(
        schema,
        ("$schema", Dialect),
        ("$id", Id),
        ("title", "Sync evidence, version 1"),
        ("description",
            "What an integration observed when a Sage Intacct sync or export failed (the input of IntacctSync.Rules). "
            + "Every field but schemaVersion is optional: an absent field was not observed. JSON null means \"observed empty\" "
            + "on a text field and \"observed unset\" on an enum field; it is refused everywhere else. Unknown fields are refused."));

    private static JsonObject Prepend(JsonObject schema, params (string Name, string Value)[] first)
    {
        var result = new JsonObject();
        foreach (var (name, value) in first)
        {
            result[name] = value;
        }

        foreach (var (name, value) in schema.ToArray())
        {
            schema.Remove(name);
            result[name] = value;
        }

        return result;
    }
}
