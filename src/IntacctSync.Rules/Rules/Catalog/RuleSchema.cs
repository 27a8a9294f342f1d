namespace IntacctSync.Rules.Rules;

/// <summary>
/// The JSON Schema (draft 2020-12) of rule files, for editors and for checking rule files before they
/// are loaded. The repository keeps it at <c>rules/rule.schema.json</c>; the package ships it as
/// <c>schemas/rule.schema.json</c>.
/// </summary>
/// <remarks>
/// The schema describes the shape the loader accepts. The loader checks more than a schema can: that
/// expressions compile and use only the evidence model, that placeholders exist, that steps name
/// declared causes and that codes are unique. All members are thread-safe.
/// </remarks>
public static class RuleSchema
{
    private const string ResourceName = "schemas/rule.schema.json";

    private static readonly Lazy<string> Text = new(Read);

    /// <summary>The schema's <c>$id</c>: an identifier, not an address to fetch.</summary>
    public const string Id = "urn:intacctsync:rule:v1";

    /// <summary>Gets the schema's text, as committed in the repository.</summary>
    public static string Json => Text.Value;

    private static string Read()
    {
        using var stream = typeof(RuleSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(RuleSchema).Assembly.GetName().Name}; the build embeds it from rules/rule.schema.json.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
