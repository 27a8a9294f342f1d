using System.Collections.Immutable;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// A condition compiled once into a delegate over one subject and the document's facts: true, false, or
/// unknown (<c>null</c>) when a fact it needs is absent from the evidence.
/// </summary>
internal delegate bool? Condition(object subject, EvidenceFacts facts);

/// <summary>An expression compiled once that reads a placeholder value (a vendor id, a date) from the evidence.</summary>
internal delegate string? ValueOf(object subject, EvidenceFacts facts);

/// <summary>Which job raises a code.</summary>
internal enum RulePhase
{
    Sync,
    Export,
    Both,
}

/// <summary>A rule file compiled: immutable, shared by every classification.</summary>
internal sealed class CompiledRule
{
    public required string Code { get; init; }

    public required ErrorKind Kind { get; init; }

    public required RulePhase Phase { get; init; }

    public required string Title { get; init; }

    public required int Priority { get; init; }

    public required string Source { get; init; }

    public required bool Override { get; init; }

    public required bool Fallback { get; init; }

    public required string? MessageTemplate { get; init; }

    /// <summary>Placeholder token (<c>[X]</c>) to contract subject name (<c>dimension</c>).</summary>
    public required IReadOnlyDictionary<string, string> Placeholders { get; init; }

    public required IReadOnlyList<MessagePattern> Patterns { get; init; }

    /// <summary>The API error texts recognized as this code (<c>message.apiErrors</c>).</summary>
    public IReadOnlyList<ApiErrorPattern> ApiPatterns { get; init; } = [];

    /// <summary>Contract subject name to the expression that fills it when no message did.</summary>
    public required IReadOnlyDictionary<string, ValueOf> SubjectValues { get; init; }

    public required SubjectKind Subject { get; init; }

    public required Condition? AppliesWhen { get; init; }

    /// <summary>
    /// When the code does not apply. An entry hides the subject's finding while no cause is established; one
    /// marked <c>EvenWhenEstablished</c> hides it whatever the causes (a neighbour's known fact rules the code out).
    /// </summary>
    public required ImmutableArray<(Condition When, string Because, bool EvenWhenEstablished)> NotWhen { get; init; }

    public required Condition? IndicatedWhen { get; init; }

    public required ImmutableArray<CompiledCause> Causes { get; init; }

    public required ImmutableArray<CompiledStep> Steps { get; init; }
}

internal sealed class CompiledCause
{
    public required string Id { get; init; }

    public required TextTemplate Summary { get; init; }

    public required ImmutableArray<CompiledCondition> EstablishedWhen { get; init; }

    public required ImmutableArray<CompiledCondition> ExcludedWhen { get; init; }

    public required ImmutableArray<CompiledMissing> MissingEvidence { get; init; }

    /// <summary>
    /// A cause only a sighting establishes (an API error that says so): listed, planned and asked about only when
    /// established; otherwise it is neither possible nor ruled out, and keeps no finding open. In format 2 a sighting whose
    /// bearing is unknown (its condition is unknown: a refusal seen, the job it belongs to not) lists it as possible.
    /// </summary>
    public bool OnlyWhenEstablished { get; init; }

    /// <summary>
    /// Whether a cause in this state is left out of the report, its plan and its open causes: one only a sighting proves
    /// (<see cref="OnlyWhenEstablished"/>) that is ruled out, or (format 1, two-valued) not established.
    /// </summary>
    internal bool Unsighted(Classification.Verdict state) =>
        OnlyWhenEstablished && state != Classification.Verdict.Established && (state == Classification.Verdict.Excluded || Verdict is null);

    /// <summary>Format 2: the cause's one condition (true establishes, false rules out), with what it cites and asks for; <c>null</c> in format 1.</summary>
    public CompiledVerdict? Verdict { get; init; }
}

/// <summary>A format 2 cause's condition: decided by <see cref="When"/>, explained by <see cref="Tree"/>.</summary>
internal sealed class CompiledVerdict
{
    public required Condition When { get; init; }

    /// <summary>The condition's Kleene structure over its atoms, each with the facts it reads.</summary>
    public required VerdictNode Tree { get; init; }

    /// <summary>
    /// What must also be true before <see cref="When"/> may establish the cause (<c>establishedOnlyIf</c>): while it is
    /// false or unknown a true <c>when</c> leaves the cause possible. It never rules the cause out; <c>null</c> when the
    /// cause has none.
    /// </summary>
    public Condition? EstablishedOnlyIf { get; init; }

    /// <summary>The Kleene structure of <see cref="EstablishedOnlyIf"/>, over atoms with the facts they read.</summary>
    public VerdictNode? EstablishedOnlyIfTree { get; init; }

    /// <summary>Facts asked for while the cause is possible though no part reads them, each unless its condition is false (<c>ask</c>).</summary>
    public ImmutableArray<(FactPath Path, Condition? When)> Ask { get; init; } = [];

    /// <summary>Facts cited beside the deciding ones when the cause is established (<c>cite</c>).</summary>
    public ImmutableArray<FactPath> Cite { get; init; } = [];

    /// <summary>Why each fact matters, in the order the rule gives them (the cause's, then the rule's): the facts asked for when unknown.</summary>
    public required ImmutableArray<(FactPath Path, TextTemplate Why)> Why { get; init; }
}

internal sealed class CompiledCondition
{
    public required Condition When { get; init; }

    /// <summary>The facts the condition cites when it decides a cause, compiled.</summary>
    public required ImmutableArray<FactPath> Facts { get; init; }
}

internal sealed class CompiledMissing
{
    public required Condition? When { get; init; }

    public required TextTemplate Field { get; init; }

    /// <summary>The field as a fact path, to tell whether the evidence already holds it.</summary>
    public required FactPath Path { get; init; }

    public required TextTemplate Why { get; init; }
}

internal sealed class CompiledStep
{
    public required string? Key { get; init; }

    public required string? Cause { get; init; }

    /// <summary>Where <see cref="Cause"/> stands in the rule's causes; -1 for a step of no cause.</summary>
    public required int CauseIndex { get; init; }

    public required StepSystem System { get; init; }

    public required TextTemplate Path { get; init; }

    public required TextTemplate Action { get; init; }
}
