using System.Linq.Expressions;
using System.Text;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// Conditions are evaluated three-valued (<see cref="ThreeValued"/>): reading through an absent object is unknown,
/// never an exception; a comparison with an unknown is unknown; <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> follow
/// Kleene's logic. Each expression is compiled as the loader compiles it (System.Linq.Expressions) and, as an oracle
/// for the compiler, with <see cref="LambdaExpression.Compile()"/>.
/// </summary>
public sealed class ThreeValuedTests
{
    // A failed export: credentials refused, one billable line, nothing else observed (no workspace, no apiErrors,
    // no intacct, no everSucceeded, no reimbursable on the line).
    private const string Partial = """
        {
          "schemaVersion": 1,
          "operation": "export",
          "connection": { "credentialsValid": false },
          "report": { "expenses": [ { "id": "E1", "billable": true } ] }
        }
        """;

    public static TheoryData<string, bool?> Conditions() => new()
    {
        // Unguarded chains through absent objects: unknown, not a NullReferenceException.
        { "e.Evidence.Workspace.Coding.BillableEnabled == false", null },
        { "e.Evidence.Workspace.Name.StartsWith(\"A\")", null },
        { "e.Evidence.Workspace.Name == \"A\"", null },
        { "e.Evidence.Intacct.Dimensions.Count > 0", null },
        { "e.Evidence.ApiErrors.Any(a => a.ErrorNo == \"XL03000006\")", null },

        // Known facts decide as before.
        { "e.Evidence.Connection.CredentialsValid == false", true },
        { "e.Evidence.Connection.CredentialsValid != false", false },
        { "e.Evidence.Report.Expenses.Count > 0", true },
        { "e.Evidence.Report.Expenses.Any(x => x.Billable == true)", true },

        // An unknown compared is unknown, whatever the operator and however negated.
        { "e.Evidence.Connection.EverSucceeded != false", null },
        { "e.Evidence.Connection.EverSucceeded == true", null },
        { "!(e.Evidence.Connection.EverSucceeded == true)", null },
        { "e.Evidence.Report.Expenses[0].Amount > 0", null },

        // Comparing with the literal null asks whether a fact is known: two-valued.
        { "e.Evidence.Connection.EverSucceeded == null", true },
        { "e.Evidence.Connection.CredentialsValid == null", false },
        { "e.Evidence.Workspace == null", true },
        { "e.Evidence.Workspace.Coding == null", true },
        { "e.Evidence.Connection != null", true },

        // Kleene's and/or: a known operand decides when it can.
        { "e.Evidence.Connection.CredentialsValid == false && e.Evidence.Connection.EverSucceeded == true", null },
        { "e.Evidence.Connection.CredentialsValid == true && e.Evidence.Connection.EverSucceeded == true", false },
        { "e.Evidence.Connection.EverSucceeded == true && e.Evidence.Connection.CredentialsValid == true", false },
        { "e.Evidence.Connection.CredentialsValid == false || e.Evidence.Connection.EverSucceeded == true", true },
        { "e.Evidence.Connection.EverSucceeded == true || e.Evidence.Connection.CredentialsValid == false", true },
        { "e.Evidence.Connection.CredentialsValid == true || e.Evidence.Connection.EverSucceeded == true", null },

        // Inside a collection method's predicate an unknown counts as no: the method needs a yes or no.
        { "e.Evidence.Report.Expenses.Any(x => x.Reimbursable == true)", false },
        { "e.Evidence.Report.Expenses.All(x => x.Reimbursable == true)", false },

        // The author may say what unknown means, explicitly.
        { "!(e.Evidence.Connection.EverSucceeded ?? false)", true },
        { "e.Evidence.Workspace.Coding.BillableEnabled ?? true", true },

        // A conditional whose test is unknown is unknown.
        { "e.Evidence.Connection.EverSucceeded == true ? true : false", null },

        // Derived facts keep their own three values.
        { "e.SignInFailed", true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Condition_OnPartialEvidence_IsTrueFalseOrUnknown_AndNeverThrows(string expression, bool? expected)
    {
        var facts = Facts(Partial);
        var (fast, oracle) = Compile(expression);

        Assert.Equal(expected, fast(facts, facts));
        Assert.Equal(expected, oracle(facts, facts));
    }

    [Fact]
    public void AndAlso_WhoseLeftDecides_DoesNotEvaluateTheRight()
    {
        var facts = Facts(Partial);

        // The right operand would throw (index past the end) if it were evaluated.
        var (fast, oracle) = Compile("e.Evidence.Report.Expenses.Count > 5 && e.Evidence.Report.Expenses[5].Billable == true");
        Assert.False(fast(facts, facts));
        Assert.False(oracle(facts, facts));

        (fast, oracle) = Compile("e.Evidence.Report.Expenses.Count < 5 || e.Evidence.Report.Expenses[5].Billable == true");
        Assert.True(fast(facts, facts));
        Assert.True(oracle(facts, facts));
    }

    [Fact]
    public void UnknownLeft_StillEvaluatesTheRight_ToDecide()
    {
        var facts = Facts(Partial);

        // unknown && false = false; unknown || true = true.
        var (fast, _) = Compile("e.Evidence.Connection.EverSucceeded == true && e.Evidence.Report.Expenses.Count == 0");
        Assert.False(fast(facts, facts));
        (fast, _) = Compile("e.Evidence.Connection.EverSucceeded == true || e.Evidence.Report.Expenses.Count == 1");
        Assert.True(fast(facts, facts));
    }

    [Fact]
    public void SameCondition_OnFullerEvidence_IsDecided()
    {
        // The chain that is unknown on the partial document is decided once the fact is there.
        var facts = Facts("""{ "schemaVersion": 1, "workspace": { "coding": { "billableEnabled": false } } }""");
        var (fast, oracle) = Compile("e.Evidence.Workspace.Coding.BillableEnabled == false");

        Assert.True(fast(facts, facts));
        Assert.True(oracle(facts, facts));
    }

    [Fact]
    public void DimensionSubject_MembersReadThroughAbsentRecords_AreUnknown()
    {
        // A dimension known only from the workspace: its Intacct record is absent, so d.Intacct.Exists is unknown.
        var facts = Facts("""
            { "schemaVersion": 1, "outcome": "failed",
              "workspace": { "coding": { "dimensions": [ { "id": "REGION", "enabled": true } ] } } }
            """);
        var compiler = new RuleCompiler(useGenerated: false);
        var exists = compiler.CompileCondition(DimensionSubjectKind.Instance, "d.Intacct.Exists == false");
        var enabled = compiler.CompileCondition(DimensionSubjectKind.Instance, "d.Coding.Enabled == true");
        var subject = Assert.Single(DimensionSubjectKind.Instance.Build(facts, facts.Matches));

        Assert.Null(exists(subject, facts));
        Assert.True(enabled(subject, facts));
    }

    [Theory]
    [InlineData(true, true, true, true, false)]
    [InlineData(true, false, false, true, false)]
    [InlineData(true, null, null, true, false)]
    [InlineData(false, true, false, true, true)]
    [InlineData(false, false, false, false, true)]
    [InlineData(false, null, false, null, true)]
    [InlineData(null, true, null, true, null)]
    [InlineData(null, false, false, null, null)]
    [InlineData(null, null, null, null, null)]
    public void Kleene_TruthTables(bool? left, bool? right, bool? and, bool? or, bool? notLeft)
    {
        Assert.Equal(and, Kleene.And(left, right));
        Assert.Equal(or, Kleene.Or(left, right));
        Assert.Equal(notLeft, Kleene.Not(left));
        Assert.Equal(left == true, Kleene.IsTrue(left));
        Assert.Equal(left == false, Kleene.IsFalse(left));
    }

    private static EvidenceFacts Facts(string json)
    {
        var evidence = SyncEvidenceJson.Read(Encoding.UTF8.GetBytes(json), "test.json");
        return new EvidenceFacts(evidence, new RuleCorpusTests.FixedTime());
    }

    private static (Condition Fast, Func<object, EvidenceFacts, bool?> Oracle) Compile(string expression)
    {
        var compiler = new RuleCompiler(useGenerated: false);
        var fast = compiler.CompileCondition(DocumentSubjectKind.Instance, expression);
        var parsed = compiler.ParseCondition(DocumentSubjectKind.Instance, expression);
        var subject = Expression.Parameter(typeof(object), "subject");
        var oracle = Expression.Lambda<Func<object, EvidenceFacts, bool?>>(
            Expression.Block([parsed.D], Expression.Assign(parsed.D, Expression.Convert(subject, parsed.D.Type)), parsed.Body),
            subject,
            parsed.E).Compile();
        return (fast, oracle);
    }
}
