using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IntacctSync.Rules.Evidence.Json;

/// <summary>The one set of serializer options for evidence: source-generated metadata plus the strict reading rules.</summary>
internal static class EvidenceJsonOptions
{
    /// <summary>Deeper than any valid evidence document; deeper input is refused before it is parsed further.</summary>
    public const int MaxDepth = 16;

    public static readonly JsonSerializerOptions Options = Create();

    public static readonly JsonTypeInfo<SyncEvidence> SyncEvidence =
        (JsonTypeInfo<SyncEvidence>)Options.GetTypeInfo(typeof(SyncEvidence));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(EvidenceJsonContext.Default.Options)
        {
            TypeInfoResolver = EvidenceJsonContext.Default.WithAddedModifier(RejectNullContainers),
            MaxDepth = MaxDepth,
        };
        options.Converters.Add(new TextConverter());
        options.Converters.Add(new BooleanConverter());
        options.Converters.Add(new Int32Converter());
        options.Converters.Add(new DecimalConverter());
        options.Converters.Add(new DateTimeOffsetConverter());
        options.Converters.Add(new DateOnlyConverter());
        options.Converters.Add(new NullableEnumConverter<SyncOperation>());
        options.Converters.Add(new NullableEnumConverter<SyncOutcome>());
        options.Converters.Add(new NullableEnumConverter<IntacctApi>());
        options.Converters.Add(new NullableEnumConverter<ApiErrorLevel>());
        options.Converters.Add(new NullableEnumConverter<ApiResultStatus>());
        options.Converters.Add(new NullableEnumConverter<SyncLevel>());
        options.Converters.Add(new NullableEnumConverter<PermissionModel>());
        options.Converters.Add(new NullableEnumConverter<ModuleAccess>());
        options.Converters.Add(new NullableEnumConverter<DimensionImport>());
        options.Converters.Add(new NullableEnumConverter<ReimbursableExport>());
        options.Converters.Add(new NullableEnumConverter<NonReimbursableExport>());
        options.Converters.Add(new NullableEnumConverter<ExportDateSource>());
        options.Converters.Add(new EnumConverter<ObjectRight>());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// An object or list field that is present must hold an object or a list: <c>null</c> there would be
    /// indistinguishable from "not observed", so it is refused with the field's path.
    /// </summary>
    private static void RejectNullContainers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            var type = property.PropertyType;
            if (type == typeof(string) || type.IsValueType || property.Set is not { } set)
            {
                continue;
            }

            var expected = IsDictionary(type) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? "an object" : "an array";
            var reason = $"expected {expected}, got null; leave the field out when it was not observed";
            property.Set = (target, value) =>
            {
                if (value is null)
                {
                    throw new JsonException(reason);
                }

                set(target, value);
            };
        }
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>);
}
