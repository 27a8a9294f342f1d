using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Evidence.Json;
using IntacctSync.Rules.Rules.Definition;
using IntacctSync.Rules.Rules.Generated;
using IntacctSync.Rules.Rules.Subjects;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Compiles rule files. Conditions are parsed with RulesEngine's expression parser, typed over the
/// subject (<c>d</c>) and the document's facts (<c>e</c>), and compiled once into delegates
/// (<see cref="ExpressionEvaluation"/>: compiled to IL where the runtime can, interpreted under Native AOT). An
/// expression whose text the built-in rules hold for the same subject is not parsed at all: its C#,
/// generated from the same parse, comes compiled from <see cref="GeneratedConditions"/>. Every problem
/// in a file is collected, with its line, rather than stopping at the first.
/// </summary>
internal sealed partial class RuleCompiler
{
    /// <summary>The types rule expressions may name (RulesEngine's <c>CustomTypes</c>); the benchmarks' RulesEngine embedding uses them too.</summary>
    internal static readonly Type[] ExpressionTypes =
    [
        typeof(DimensionSubject), typeof(ExpenseSubject), typeof(EvidenceFacts), typeof(SyncEvidence),
        typeof(DimensionImport), typeof(ObjectRight), typeof(ModuleAccess), typeof(SyncLevel), typeof(SyncOperation),
        typeof(SyncOutcome), typeof(PermissionModel), typeof(ApiErrorLevel), typeof(ApiResultStatus), typeof(IntacctApi),
        typeof(ReimbursableExport), typeof(NonReimbursableExport), typeof(ExportDateSource),
    ];

    private static readonly IReadOnlyDictionary<string, SubjectKind> Kinds = new Dictionary<string, SubjectKind>(StringComparer.Ordinal)
    {
        [DimensionSubjectKind.Instance.Name] = DimensionSubjectKind.Instance,
        [DocumentSubjectKind.Instance.Name] = DocumentSubjectKind.Instance,
        [ExpenseSubjectKind.Instance.Name] = ExpenseSubjectKind.Instance,
    };

    /// <summary>The placeholder names of the contract's <c>subject</c> object (DIAGNOSIS.md).</summary>
    public static readonly IReadOnlySet<string> ContractSubjectNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "dimension", "account", "creditCard", "category", "line", "vendor", "project", "person", "date", "smartRule",
    };

    // Built on first use: when every expression is in the generated table, loading never starts the parser.
    private readonly Lazy<RuleExpressionParser> _parser = new(() => new RuleExpressionParser(new ReSettings { CustomTypes = ExpressionTypes }));

    private readonly bool _useGenerated;
    private readonly bool _interpret;

    /// <summary>Creates a compiler.</summary>
    /// <param name="useGenerated">
    /// Take an expression's delegate from <see cref="GeneratedConditions"/> (C# generated from the built-in
    /// rules, the same code the parser would build) when the table holds the same text for the same subject;
    /// <c>false</c> parses everything, as the generator and its tests need.
    /// </param>
    /// <param name="interpret">Interpret parsed expressions, as Native AOT always does (tests hold both ways equal).</param>
    public RuleCompiler(bool useGenerated = true, bool interpret = false)
    {
        _useGenerated = useGenerated;
        _interpret = interpret;
    }

    /// <summary>Whether an expression was parsed: never, when every expression loaded was in the generated table.</summary>
    internal bool ParserStarted => _parser.IsValueCreated;

    /// <summary>Told of every condition and value expression as it is compiled (the generator lists them so).</summary>
    internal Action<ExpressionSite>? Observer { get; init; }

    public CompiledRule? Compile(string source, byte[] utf8, List<RuleProblem> problems)
    {
        RuleDocument? doc;
        try
        {
#if INTACCTSYNC_NO_FAST_READERS
            doc = JsonSerializer.Deserialize(utf8, RuleDocumentJsonContext.Default.RuleDocument);
#else
            doc = FastRuleDocumentReader.TryRead(utf8) ?? JsonSerializer.Deserialize(utf8, RuleDocumentJsonContext.Default.RuleDocument);
#endif
        }
        catch (JsonException ex)
        {
            var reason = Regex.Replace(ex.Message, @"\s*Path: .*$", string.Empty, RegexOptions.Singleline);
            problems.Add(new RuleProblem(source, ex.LineNumber + 1, null, $"{ex.Path}: {reason} Fix the JSON; see the rule format in the README."));
            return null;
        }

        if (doc is null)
        {
            problems.Add(new RuleProblem(source, 1, null, "the file holds null; a rule file holds one rule object"));
            return null;
        }

        var context = new FileContext(source, utf8, doc.Code, problems);
        var before = problems.Count;
        context.Format = doc.Format;
        if (context.Format is not (1 or 2))
        {
            context.Report("$.format", $"format {context.Format} is not known; use 1 (establishedWhen, excludedWhen, missingEvidence) or 2 (one when per cause)");
            return null;
        }

        context.Named = NamedConditions(context, doc.Conditions);
        context.Declared = doc.Conditions?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];

        var code = Require(context, doc.Code, "$.code", "the code, such as \"INT402\"");
        if (code is not null && !CodeFormat().IsMatch(code))
        {
            context.Report("$.code", $"code \"{code}\" is not of the form INT123 (or UNCLASSIFIED)");
        }

        var kind = ParseEnum<ErrorKind>(context, doc.Kind, "$.kind", "sync, export, authentication, connection");
        var phase = ParseEnum<RulePhase>(context, doc.Phase, "$.phase", "sync, export, both");
        var title = Require(context, doc.Title, "$.title", "a short name of the problem");
        var subjectName = Require(context, doc.Subject, "$.subject", "what the rule is evaluated for: " + string.Join(", ", Kinds.Keys));
        SubjectKind? subject = null;
        if (subjectName is not null && !Kinds.TryGetValue(subjectName, out subject))
        {
            context.Report("$.subject", $"unknown subject \"{subjectName}\"; use one of: {string.Join(", ", Kinds.Keys)}");
        }

        if (subject is null)
        {
            return null;
        }

        var placeholders = doc.Message?.Placeholders ?? [];
        var patterns = new List<MessagePattern>();
        foreach (var (template, i) in new[] { doc.Message?.Template }.Concat(doc.Message?.Alternates ?? []).Select((t, i) => (t, i)))
        {
            if (string.IsNullOrWhiteSpace(template))
            {
                continue;
            }

            try
            {
                patterns.Add(MessagePattern.Create(template, placeholders));
            }
            catch (ArgumentException ex)
            {
                context.Report(i == 0 ? "$.message.template" : $"$.message.alternates[{i - 1}]", "the template cannot be turned into a pattern: " + ex.Message);
            }
        }

        foreach (var (token, name) in placeholders)
        {
            if (!ContractSubjectNames.Contains(name))
            {
                context.Report($"$.message.placeholders['{token}']", $"\"{name}\" is not a subject name; use one of: {string.Join(", ", ContractSubjectNames)}");
            }
        }

        var apiPatterns = ApiErrorPatterns(context, doc.Message);

        var subjectValues = new Dictionary<string, ValueOf>(StringComparer.Ordinal);
        foreach (var (name, expression) in doc.SubjectValues ?? [])
        {
            if (!ContractSubjectNames.Contains(name))
            {
                context.Report("$.subjectValues." + name, $"\"{name}\" is not a subject name; use one of: {string.Join(", ", ContractSubjectNames)}");
            }
            else if (CompileValue(context, subject, expression, "$.subjectValues." + name) is { } value)
            {
                subjectValues[name] = value;
            }
        }

        var applies = CompileOptional(context, subject, doc.AppliesWhen, "$.appliesWhen");
        var indicated = CompileOptional(context, subject, doc.IndicatedWhen, "$.indicatedWhen");
        var notWhen = new List<(Condition, string, bool)>();
        foreach (var (n, i) in (doc.NotWhen ?? []).Select((n, i) => (n, i)))
        {
            var when = CompileRequired(context, subject, n.When, $"$.notWhen[{i}].when");
            var because = Require(context, n.Because, $"$.notWhen[{i}].because", "why the code does not apply");
            if (when is not null && because is not null)
            {
                notWhen.Add((when, because, n.EvenWhenEstablished));
            }
        }

        var causes = new List<CompiledCause>();
        var causeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (c, i) in (doc.Causes ?? []).Select((c, i) => (c, i)))
        {
            var path = $"$.causes[{i}]";
            var id = Require(context, c.Id, path + ".id", "a cause id such as \"udd-inactive\"");
            if (id is not null && !causeIds.Add(id))
            {
                context.Report(path + ".id", $"cause id \"{id}\" is used twice in this rule; give each cause its own id");
            }

            var summary = Template(context, subject, c.Summary, path + ".summary", required: true);
            if (context.Format == 2)
            {
                if (VerdictCause(context, subject, doc, c, path) is { } verdict && id is not null && summary is not null)
                {
                    causes.Add(new CompiledCause { Id = id, Summary = summary, EstablishedWhen = [], ExcludedWhen = [], MissingEvidence = [], OnlyWhenEstablished = c.OnlyWhenEstablished, Verdict = verdict });
                }

                continue;
            }

            if (c.When is not null || c.Why is not null || c.EstablishedOnlyIf is not null || c.Ask is not null || c.Cite is not null)
            {
                context.Report(path + (c.When is not null ? ".when" : c.Why is not null ? ".why" : c.EstablishedOnlyIf is not null ? ".establishedOnlyIf" : c.Ask is not null ? ".ask" : ".cite"), "a cause's when, establishedOnlyIf, ask, cite and why are the rule format 2; write \"format\": 2 at the top of the file (and no establishedWhen, excludedWhen or missingEvidence), or use establishedWhen and excludedWhen");
            }

            var established = Conditions(context, subject, c.EstablishedWhen, path + ".establishedWhen");
            var excluded = Conditions(context, subject, c.ExcludedWhen, path + ".excludedWhen");
            if ((c.EstablishedWhen?.Count ?? 0) == 0)
            {
                context.Report(path + ".establishedWhen", "a cause needs at least one condition that establishes it");
            }

            var missing = new List<CompiledMissing>();
            foreach (var (m, j) in (c.MissingEvidence ?? []).Select((m, j) => (m, j)))
            {
                var mPath = $"{path}.missingEvidence[{j}]";
                var when = CompileOptional(context, subject, m.When, mPath + ".when");
                var field = Template(context, subject, m.Field, mPath + ".field", required: true);
                var why = Template(context, subject, m.Why, mPath + ".why", required: true);
                if (field is not null && why is not null)
                {
                    missing.Add(new CompiledMissing { When = when, Field = field, Path = FactPath.Compile(field), Why = why });
                }
            }

            if (id is not null && summary is not null)
            {
                causes.Add(new CompiledCause { Id = id, Summary = summary, EstablishedWhen = [.. established], ExcludedWhen = [.. excluded], MissingEvidence = [.. missing], OnlyWhenEstablished = c.OnlyWhenEstablished });
            }
        }

        if (context.Format == 2)
        {
            CheckGlossary(context, doc, causes);
        }
        else if (doc.Why is not null)
        {
            context.Report("$.why", "a rule's why is the rule format 2; write \"format\": 2 at the top of the file");
        }

        var steps = new List<CompiledStep>();
        foreach (var (s, i) in (doc.Steps ?? []).Select((s, i) => (s, i)))
        {
            var path = $"$.steps[{i}]";
            if (s.Cause is not null && !causeIds.Contains(s.Cause))
            {
                context.Report(path + ".cause", $"step names cause \"{s.Cause}\", which this rule does not declare; use one of: {string.Join(", ", causeIds)}");
            }

            var system = ParseEnum<StepSystem>(context, s.System, path + ".system", "sageIntacct, expensify, other");
            var stepPath = Template(context, subject, s.Path, path + ".path", required: true);
            var action = Template(context, subject, s.Action, path + ".action", required: true);
            if (system is { } sys && stepPath is not null && action is not null)
            {
                steps.Add(new CompiledStep { Key = s.Key, Cause = s.Cause, CauseIndex = s.Cause is null ? -1 : causes.FindIndex(c => c.Id == s.Cause), System = sys, Path = stepPath, Action = action });
            }
        }

        if (steps.Count == 0 && (doc.Steps?.Count ?? 0) == 0)
        {
            context.Report("$.steps", "a rule needs at least one step with system, path and action");
        }

        if (problems.Count > before || code is null || kind is null || phase is null || title is null)
        {
            return null;
        }

        return new CompiledRule
        {
            Code = code,
            Kind = kind.Value,
            Phase = phase.Value,
            Title = title,
            Priority = doc.Priority,
            Source = source,
            Override = doc.Override,
            Fallback = code == "UNCLASSIFIED",
            MessageTemplate = doc.Message?.Template,
            Placeholders = placeholders,
            Patterns = patterns,
            ApiPatterns = apiPatterns,
            SubjectValues = subjectValues,
            Subject = subject,
            AppliesWhen = applies,
            NotWhen = [.. notWhen],
            IndicatedWhen = indicated,
            Causes = [.. causes],
            Steps = [.. steps],
        };
    }

    private List<CompiledCondition> Conditions(FileContext context, SubjectKind subject, List<ConditionDocument>? conditions, string path)
    {
        var compiled = new List<CompiledCondition>();
        foreach (var (c, i) in (conditions ?? []).Select((c, i) => (c, i)))
        {
            var when = CompileRequired(context, subject, c.When, $"{path}[{i}].when");
            var facts = new List<FactPath>();
            foreach (var (f, j) in (c.Facts ?? []).Select((f, j) => (f, j)))
            {
                if (Template(context, subject, f, $"{path}[{i}].facts[{j}]", required: true) is { } fact)
                {
                    facts.Add(FactPath.Compile(fact));
                }
            }

            if (when is not null)
            {
                compiled.Add(new CompiledCondition { When = when, Facts = [.. facts] });
            }
        }

        return compiled;
    }

    private Condition? CompileOptional(FileContext context, SubjectKind subject, string? expression, string path) =>
        string.IsNullOrWhiteSpace(expression) ? null : CompileRequired(context, subject, expression, path);

    private Condition? CompileRequired(FileContext context, SubjectKind subject, string? expression, string path)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            context.Report(path, "a condition is required here: an expression over d (the subject) and e (the evidence facts)");
            return null;
        }

        if (ExpandForFormat(context, expression, path) is not { } expanded)
        {
            return null;
        }

        if (!WithinLimits(context, expression, expanded, path, "condition"))
        {
            return null;
        }

        return CompileExpanded(context, subject, expanded, path);
    }

    // A condition whose named conditions are replaced (and, in format 2, whose section names read through e.Evidence).
    private Condition? CompileExpanded(FileContext context, SubjectKind subject, string expression, string path)
    {
        Observer?.Invoke(new ExpressionSite(context.Source, path, subject, expression, IsValue: false));
        if (_useGenerated && GeneratedConditions.TryGetCondition(subject.Name, expression, out var generated))
        {
            return generated;
        }

        try
        {
            return CompileCondition(subject, expression);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Report(path, $"the condition \"{expression}\" does not compile: {ex.Message}");
            return null;
        }
    }

    private ValueOf? CompileValue(FileContext context, SubjectKind subject, string? expression, string path)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            context.Report(path, "an expression is required here: it reads the value from d (the subject) and e (the evidence facts)");
            return null;
        }

        if (ExpandForFormat(context, expression, path) is not { } expanded)
        {
            return null;
        }

        if (!WithinLimits(context, expression, expanded, path, "expression"))
        {
            return null;
        }

        expression = expanded;

        Observer?.Invoke(new ExpressionSite(context.Source, path, subject, expression, IsValue: true));
        if (_useGenerated && GeneratedConditions.TryGetValue(subject.Name, expression, out var generated))
        {
            return generated;
        }

        try
        {
            return CompileValue(subject, expression);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Report(path, $"the expression \"{expression}\" does not compile: {ex.Message}");
            return null;
        }
    }

    // Before anything recursive sees the text (ExpressionLimits), whether it came from the generated table or not.
    private static bool WithinLimits(FileContext context, string written, string expanded, string path, string what)
    {
        if (ExpressionLimits.Check(expanded) is not { } problem)
        {
            return true;
        }

        var replaced = string.Equals(written, expanded, StringComparison.Ordinal) ? string.Empty
            : written.Contains('@', StringComparison.Ordinal) ? " once its named conditions are replaced"
            : " once its section names read through e.Evidence";
        context.Report(path, $"the {what} is too large to load{replaced}: {problem}");
        return false;
    }

    /// <summary>Parses and compiles a condition at run time (the path of every expression the generated table does not hold).</summary>
    internal Condition CompileCondition(SubjectKind subject, string expression)
    {
        var parsed = ParseCondition(subject, expression);
        return ExpressionEvaluation.Compile(Wrap<Condition>(subject, parsed), _interpret);
    }

    /// <summary>Parses and compiles a value expression at run time.</summary>
    internal ValueOf CompileValue(SubjectKind subject, string expression)
    {
        var parsed = ParseValue(subject, expression);
        return ExpressionEvaluation.Compile(Wrap<ValueOf>(subject, parsed), _interpret);
    }

    /// <summary>
    /// A condition's body over <c>d</c> and <c>e</c>, rewritten for three-valued evaluation (<see cref="ThreeValued"/>)
    /// and typed <see cref="bool"/>? (<c>null</c> = unknown): what is compiled, and what the generator prints.
    /// </summary>
    internal ParsedExpression ParseCondition(SubjectKind subject, string expression)
    {
        var d = Expression.Parameter(subject.SubjectType, "d");
        var e = Expression.Parameter(typeof(EvidenceFacts), "e");
        var body = ThreeValued.Condition(ParseExpression(expression, d, e, typeof(bool)));
        return new ParsedExpression(d, e, body);
    }

    /// <summary>
    /// A condition as the parser reads it, before the three-valued rewrite, over <c>d</c> (of the subject kind named
    /// <paramref name="subjectName"/>, the document when it names none) and <c>e</c>: what the migration compares
    /// (<see cref="RuleMigration"/>). Every parse of one subject kind names the same parameter types.
    /// </summary>
    internal Expression ParseRaw(string? subjectName, string expression)
    {
        var subject = subjectName is not null && Kinds.TryGetValue(subjectName, out var kind) ? kind : DocumentSubjectKind.Instance;
        var d = Expression.Parameter(subject.SubjectType, "d");
        var e = Expression.Parameter(typeof(EvidenceFacts), "e");
        return ParseExpression(expression, d, e, typeof(bool));
    }

    /// <summary>A value expression's body over <c>d</c> and <c>e</c>, typed <see cref="string"/> (other types are formatted invariantly).</summary>
    internal ParsedExpression ParseValue(SubjectKind subject, string expression)
    {
        var d = Expression.Parameter(subject.SubjectType, "d");
        var e = Expression.Parameter(typeof(EvidenceFacts), "e");
        var body = ThreeValued.Value(ParseExpression(expression, d, e, typeof(string)));
        if (body.Type != typeof(string))
        {
            body = Expression.Call(
                ConvertToString,
                Expression.Convert(body, typeof(object)),
                Expression.Convert(Expression.Property(null, typeof(CultureInfo), nameof(CultureInfo.InvariantCulture)), typeof(IFormatProvider)));
        }

        return new ParsedExpression(d, e, body);
    }

    private static readonly MethodInfo ConvertToString = typeof(Convert).GetMethod(nameof(Convert.ToString), [typeof(object), typeof(IFormatProvider)])!;

    // The delegate takes the subject untyped (one delegate type serves every subject kind) and casts it once.
    private static Expression<T> Wrap<T>(SubjectKind subject, ParsedExpression parsed)
        where T : Delegate
    {
        var untyped = Expression.Parameter(typeof(object), "subject");
        return Expression.Lambda<T>(
            Expression.Block([parsed.D], Expression.Assign(parsed.D, Expression.Convert(untyped, subject.SubjectType)), parsed.Body),
            untyped,
            parsed.E);
    }

    /// <summary>
    /// The one place a rule expression is parsed (RulesEngine's parser, over <c>d</c> and <c>e</c>); every
    /// condition and value expression goes through here.
    /// </summary>
    private Expression ParseExpression(string expression, ParameterExpression d, ParameterExpression e, Type resultType) =>
        ExpressionSandbox.Parse(_parser.Value, expression, [d, e], resultType);

    private static TextTemplate? Template(FileContext context, SubjectKind subject, string? text, string path, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                context.Report(path, "text is required here");
            }

            return null;
        }

        var template = TextTemplate.Parse(text);
        foreach (var name in template.SlotNames.Where(n => !subject.TemplateNames.Contains(n) && !ContractSubjectNames.Contains(n)))
        {
            context.Report(path, $"unknown placeholder {{{name}}}; a {subject.Name} rule may use: {string.Join(", ", subject.TemplateNames.Concat(ContractSubjectNames).Select(n => "{" + n + "}"))}");
        }

        return template;
    }

    private static string? Require(FileContext context, string? value, string path, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            context.Report(path, $"missing; expected {what}");
            return null;
        }

        return value;
    }

    private static T? ParseEnum<T>(FileContext context, string? value, string path, string allowed)
        where T : struct, Enum
    {
        if (value is not null && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && JsonNamingPolicy.CamelCase.ConvertName(parsed.ToString()) == value)
        {
            return parsed;
        }

        context.Report(path, value is null ? $"missing; expected one of: {allowed}" : $"\"{value}\" is not allowed; expected one of: {allowed}");
        return null;
    }

    [GeneratedRegex(@"^(INT\d{3}|UNCLASSIFIED)$")]
    private static partial Regex CodeFormat();

    private sealed class FileContext(string source, byte[] utf8, string? code, List<RuleProblem> problems)
    {
        public string Source => source;

        /// <summary>The rule's named conditions, expanded (<see cref="NamedConditions"/>).</summary>
        public Dictionary<string, string> Named { get; set; } = [];

        /// <summary>The names the rule declares under <c>conditions</c>, loaded or not.</summary>
        public HashSet<string> Declared { get; set; } = [];

        /// <summary>The rule file's format (<c>format</c>; absent = 1).</summary>
        public int Format { get; set; } = 1;

        public void Report(string jsonPath, string message) =>
            problems.Add(new RuleProblem(source, LineOf(jsonPath), code, $"{jsonPath}: {message}"));

        // A missing field has no line of its own: point at the nearest enclosing value that exists.
        private long? LineOf(string jsonPath)
        {
            for (var path = jsonPath; path.Length > 1; path = path[..Math.Max(1, path.LastIndexOfAny(['.', '[']))])
            {
                if (JsonLocator.Find(utf8, path) is { } found)
                {
                    return found.Line;
                }
            }

            return 1;
        }
    }
}

/// <summary>A parsed expression: its body over the subject <c>d</c> and the evidence facts <c>e</c>.</summary>
internal sealed record ParsedExpression(ParameterExpression D, ParameterExpression E, Expression Body);

/// <summary>Where a rule file holds an expression, and what it is compiled for.</summary>
internal sealed record ExpressionSite(string Source, string Path, SubjectKind Subject, string Expression, bool IsValue);
