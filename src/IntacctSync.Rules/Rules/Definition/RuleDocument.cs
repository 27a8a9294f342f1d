using System.Text.Json.Serialization;

namespace IntacctSync.Rules.Rules.Definition;

// The rule file format as written by authors. Mutable only because the serializer fills it; the
// compiler turns it into immutable compiled rules and it is dropped after loading.

internal sealed class RuleDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    /// <summary>The rule format: absent or 1, causes with establishedWhen/excludedWhen/missingEvidence; 2, one <c>when</c> per cause.</summary>
    public int Format { get; set; } = 1;

    public string? Code { get; set; }

    public string? Kind { get; set; }

    public string? Phase { get; set; }

    public string? Title { get; set; }

    public int Priority { get; set; } = 100;

    public bool Override { get; set; }

    public List<string>? Notes { get; set; }

    public MessageDocument? Message { get; set; }

    public string? Subject { get; set; }

    public Dictionary<string, string>? SubjectValues { get; set; }

    public Dictionary<string, string>? Conditions { get; set; }

    public string? AppliesWhen { get; set; }

    public List<NotWhenDocument>? NotWhen { get; set; }

    public string? IndicatedWhen { get; set; }

    public List<CauseDocument>? Causes { get; set; }

    /// <summary>Format 2: why each fact matters, by fact path, shared by the rule's causes.</summary>
    public Dictionary<string, string>? Why { get; set; }

    public List<StepDocument>? Steps { get; set; }
}

internal sealed class MessageDocument
{
    public string? Template { get; set; }

    public List<string>? Alternates { get; set; }

    public Dictionary<string, string>? Placeholders { get; set; }

    public List<ApiErrorTemplateDocument>? ApiErrors { get; set; }
}

internal sealed class ApiErrorTemplateDocument
{
    public string? Text { get; set; }

    public string? ErrorNo { get; set; }
}

internal sealed class NotWhenDocument
{
    public string? When { get; set; }

    public string? Because { get; set; }

    public bool EvenWhenEstablished { get; set; }
}

internal sealed class CauseDocument
{
    public string? Id { get; set; }

    public string? Summary { get; set; }

    public List<ConditionDocument>? EstablishedWhen { get; set; }

    public List<ConditionDocument>? ExcludedWhen { get; set; }

    public List<MissingEvidenceDocument>? MissingEvidence { get; set; }

    /// <summary>Format 2: the cause's one three-valued condition (true establishes, false rules out).</summary>
    public string? When { get; set; }

    /// <summary>Format 2: what must also be true before <see cref="When"/> may establish the cause; it never rules it out.</summary>
    public string? EstablishedOnlyIf { get; set; }

    /// <summary>
    /// Format 2: facts to ask for while the cause stays possible though its condition does not read them (the follow-up
    /// facts that would point elsewhere, a record of a list the finding cannot name), each unless its <c>when</c> is false.
    /// </summary>
    public List<AskDocument>? Ask { get; set; }

    /// <summary>Format 2: facts cited beside the deciding ones when the cause is established (context the proof rests on).</summary>
    public List<string>? Cite { get; set; }

    /// <summary>Format 2: why each fact the condition reads matters, by fact path (overrides the rule's <c>why</c>).</summary>
    public Dictionary<string, string>? Why { get; set; }

    public bool OnlyWhenEstablished { get; set; }
}

internal sealed class ConditionDocument
{
    public string? When { get; set; }

    public List<string>? Facts { get; set; }
}

internal sealed class AskDocument
{
    public string? Fact { get; set; }

    public string? When { get; set; }
}

internal sealed class MissingEvidenceDocument
{
    public string? When { get; set; }

    public string? Field { get; set; }

    public string? Why { get; set; }
}

internal sealed class StepDocument
{
    public string? Key { get; set; }

    public string? Cause { get; set; }

    public string? System { get; set; }

    public string? Path { get; set; }

    public string? Action { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleDocument))]
internal sealed partial class RuleDocumentJsonContext : JsonSerializerContext;
