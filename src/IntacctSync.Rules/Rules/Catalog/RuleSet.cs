using System.Reflection;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// A compiled, validated set of rules: the built-in catalog embedded in this assembly, plus any rule
/// directories a host adds. Immutable once built; a classifier holds one for its whole life.
/// </summary>
internal sealed class RuleSet
{
    private const string ResourcePrefix = "rules/";

    private RuleSet(IReadOnlyList<CompiledRule> rules)
    {
        Rules = rules;
        Kinds = rules.Where(r => !r.Fallback).Select(r => r.Subject).Distinct().ToArray();
        Fallbacks = rules.Where(r => r.Fallback).ToArray();
        Recognizer = new MessageRecognizer(rules);
        ApiRecognizer = new ApiErrorRecognizer(rules);
        _sync = Plan(SyncOperation.Sync);
        _export = Plan(SyncOperation.Export);
        _any = Plan(null);
    }

    private readonly (SubjectKind Kind, CompiledRule[] Rules)[] _sync;
    private readonly (SubjectKind Kind, CompiledRule[] Rules)[] _export;
    private readonly (SubjectKind Kind, CompiledRule[] Rules)[] _any;

    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The subject kinds that the non-fallback rules use, each built once per document.</summary>
    public IReadOnlyList<SubjectKind> Kinds { get; }

    public IReadOnlyList<CompiledRule> Fallbacks { get; }

    public MessageRecognizer Recognizer { get; }

    public ApiErrorRecognizer ApiRecognizer { get; }

    /// <summary>
    /// The non-fallback rules that apply to a job, grouped by subject kind in the order of <see cref="Kinds"/>
    /// and <see cref="Rules"/>; a kind no such rule uses is left out, so it is never built.
    /// </summary>
    public IReadOnlyList<(SubjectKind Kind, CompiledRule[] Rules)> PlanFor(SyncOperation? operation) => operation switch
    {
        SyncOperation.Sync => _sync,
        SyncOperation.Export => _export,
        _ => _any,
    };

    private (SubjectKind Kind, CompiledRule[] Rules)[] Plan(SyncOperation? operation) =>
        Kinds.Select(kind => (kind, Rules.Where(r => r.Subject == kind && !r.Fallback && PhaseApplies(r, operation)).ToArray()))
            .Where(p => p.Item2.Length > 0)
            .ToArray();

    private static bool PhaseApplies(CompiledRule rule, SyncOperation? operation) => operation switch
    {
        SyncOperation.Sync => rule.Phase is RulePhase.Sync or RulePhase.Both,
        SyncOperation.Export => rule.Phase is RulePhase.Export or RulePhase.Both,
        _ => true,
    };

    /// <summary>Loads the embedded catalog (unless left out) and the files of <paramref name="directories"/>.</summary>
    /// <exception cref="RuleLoadException">Any file is invalid; every problem is listed.</exception>
    /// <remarks>
    /// The built-in catalog is compiled once per process and shared: its rules are immutable, and
    /// compiling them is most of the cost of building a classifier.
    /// </remarks>
    public static RuleSet Load(bool includeBuiltIn, IEnumerable<string> directories, IEnumerable<RuleSource>? sources = null)
    {
        var paths = directories as IReadOnlyCollection<string> ?? directories.ToArray();
        var streams = sources as IReadOnlyCollection<RuleSource> ?? sources?.ToArray() ?? [];
        if (includeBuiltIn && paths.Count == 0 && streams.Count == 0)
        {
            return BuiltInSet.Value;
        }

        var problems = new List<RuleProblem>();
        var files = new List<(string Source, byte[] Utf8)>();
        foreach (var directory in paths)
        {
            if (!Directory.Exists(directory))
            {
                problems.Add(new RuleProblem(directory, null, null, "the rule directory does not exist; create it or remove it from IntacctSyncRulesOptions.RuleDirectories"));
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Where(IsRuleFile).Order(StringComparer.Ordinal))
            {
                files.Add((path, File.ReadAllBytes(path)));
            }
        }

        foreach (var source in streams)
        {
            try
            {
                files.Add((source.Name, source.Read()));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add(new RuleProblem(source.Name, null, null, $"the rule source cannot be read: {ex.Message}; check the stream its factory opens"));
            }
        }

        var byCode = new Dictionary<string, CompiledRule>(StringComparer.Ordinal);
        if (includeBuiltIn)
        {
            foreach (var rule in BuiltInRules.Value)
            {
                Add(byCode, rule, problems);
            }
        }

        var compiler = new RuleCompiler(useGenerated: !ExpressionEvaluation.ParseEveryExpression);
        foreach (var (source, utf8) in files)
        {
            if (compiler.Compile(source, utf8, problems) is { } rule)
            {
                Add(byCode, rule, problems);
            }
        }

        return Build(byCode, problems, files);
    }

    /// <summary>
    /// Whether a <c>*.json</c> file under a rule directory is a rule: every one is, but a JSON Schema
    /// (<c>*.schema.json</c>, such as a copy of <c>rule.schema.json</c> kept beside the rules it describes).
    /// </summary>
    internal static bool IsRuleFile(string path) => !path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The built-in rule files as embedded, named as in the repository (<c>rules/sync/INT402.json</c>).</summary>
    public static IEnumerable<(string Source, byte[] Utf8)> BuiltInFiles()
    {
        var assembly = typeof(RuleSet).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (name, buffer.ToArray());
        }
    }

    private static readonly Lazy<CompiledRule[]> BuiltInRules = new(CompileBuiltIn);

    private static readonly Lazy<RuleSet> BuiltInSet = new(() =>
    {
        var byCode = new Dictionary<string, CompiledRule>(StringComparer.Ordinal);
        var problems = new List<RuleProblem>();
        foreach (var rule in BuiltInRules.Value)
        {
            Add(byCode, rule, problems);
        }

        return Build(byCode, problems, []);
    });

    private static CompiledRule[] CompileBuiltIn()
    {
        var compiler = new RuleCompiler(useGenerated: !ExpressionEvaluation.ParseEveryExpression);
        var problems = new List<RuleProblem>();
        var rules = new List<CompiledRule>();
        foreach (var (source, utf8) in BuiltInFiles())
        {
            if (compiler.Compile(source, utf8, problems) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return problems.Count > 0 ? throw new RuleLoadException(problems) : [.. rules];
    }

    private static void Add(Dictionary<string, CompiledRule> byCode, CompiledRule rule, List<RuleProblem> problems)
    {
        if (byCode.TryGetValue(rule.Code, out var existing))
        {
            if (!rule.Override)
            {
                problems.Add(new RuleProblem(rule.Source, 1, rule.Code,
                    $"code {rule.Code} is already defined by {existing.Source}; to replace it on purpose, add \"override\": true to this file, otherwise remove one of them"));
                return;
            }
        }
        else if (rule.Override)
        {
            problems.Add(new RuleProblem(rule.Source, 1, rule.Code,
                $"\"override\": true, but no earlier rule defines {rule.Code}; remove the marker or fix the code"));
            return;
        }

        byCode[rule.Code] = rule;
    }

    private static RuleSet Build(Dictionary<string, CompiledRule> byCode, List<RuleProblem> problems, IReadOnlyList<(string Source, byte[] Utf8)> files)
    {
        RuleTitles.CheckUnique(byCode.Values, files, problems);
        if (problems.Count > 0)
        {
            throw new RuleLoadException(problems);
        }

        return new RuleSet(byCode.Values.OrderBy(r => r.Priority).ThenBy(r => r.Code, StringComparer.Ordinal).ToArray());
    }
}
