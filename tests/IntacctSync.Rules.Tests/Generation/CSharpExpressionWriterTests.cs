using System.Linq.Expressions;
using IntacctSync.Rules.Generators;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Generation;

/// <summary>
/// The writer on shapes the built-in rules do not hold today (the corpus agreement test covers those that
/// they do): each is written as the C# that means the same, or refused by name.
/// </summary>
public sealed class CSharpExpressionWriterTests
{
    private static readonly ParameterExpression D = Expression.Parameter(typeof(DimensionSubject), "d");
    private static readonly ParameterExpression E = Expression.Parameter(typeof(EvidenceFacts), "e");

    [Fact]
    public void Lambda_ThatReadsTheSubject_IsNotStatic()
    {
        var parsed = new RuleCompiler(useGenerated: false).ParseCondition(DimensionSubjectKind.Instance, "e.Evidence.Messages.Any(m => m == d.Id)");

        var text = CSharpExpressionWriter.Write(parsed.Body, new Dictionary<ParameterExpression, string> { [parsed.D] = "d", [parsed.E] = "e" });

        Assert.Contains("(global::System.String p0) => ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("static", text, StringComparison.Ordinal);
        Assert.Contains("d.Id", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditional_CastsBothBranchesToItsType()
    {
        var body = Expression.Condition(Expression.Constant(true), Expression.Constant(null, typeof(string)), Expression.Constant("x"));

        Assert.Equal("(true ? default(global::System.String) : \"x\")", Write(body));
    }

    [Fact]
    public void Text_IsEscaped()
    {
        var body = Expression.Constant("say \"hi\"\\ \u2019 \n");

        Assert.Equal("\"say \\\"hi\\\"\\\\ \\u2019 \\u000a\"", Write(body));
    }

    [Fact]
    public void ReferenceEquality_WithoutOperator_IsWrittenAsReferenceEquals()
    {
        var body = Expression.Equal(Expression.Property(E, nameof(EvidenceFacts.Evidence)), Expression.Constant(null, typeof(object)));

        Assert.StartsWith("global::System.Object.ReferenceEquals(e.Evidence, ", Write(body), StringComparison.Ordinal);
    }

    [Fact]
    public void ConstantOfAWiderType_KeepsItsType()
    {
        var body = Expression.Constant(3, typeof(int?));

        Assert.Equal("((global::System.Nullable<global::System.Int32>)(3))", Write(body));
    }

    [Fact]
    public void UnknownNode_IsRefusedByName()
    {
        var body = Expression.Block(Expression.Constant(true));

        var error = Assert.Throws<NotSupportedException>(() => Write(body));

        Assert.Contains("Block", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LiftedLogicOnNullableBooleans_IsRefused()
    {
        var body = Expression.AndAlso(Expression.Constant(true, typeof(bool?)), Expression.Constant(false, typeof(bool?)));

        var error = Assert.Throws<NotSupportedException>(() => Write(body));

        Assert.Contains("AndAlso", error.Message, StringComparison.Ordinal);
    }

    private static string Write(Expression body) =>
        CSharpExpressionWriter.Write(body, new Dictionary<ParameterExpression, string> { [D] = "d", [E] = "e" });
}
