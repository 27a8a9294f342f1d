using IntacctSync.Rules.Rules;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>Recognizing one pasted message against the built-in catalog, with and without a code.</summary>
public sealed class MessageRecognizerTests
{
    private static readonly MessageRecognizer Recognizer = RuleSet.Load(includeBuiltIn: true, []).Recognizer;

    [Fact]
    public void WithoutCode_TemplateInOtherCaseAndQuotes_IsRecognizedWithItsValue()
    {
        var found = Recognizer.Recognize("SAGE INTACCT COULDN\u2019T RETURN VALUES FOR DIMENSION Fund.");

        Assert.NotNull(found);
        Assert.Equal("INT402", found.Value.Rule.Code);
        Assert.Equal("Fund", found.Value.Values["dimension"]);
    }

    [Fact]
    public void WithoutCode_TextHoldingNoTemplatesWords_IsNotRecognized()
    {
        Assert.Null(Recognizer.Recognize("The connection to the accounting system timed out. Try again later."));
    }

    [Fact]
    public void WithoutCode_TextHoldingATemplatesWordsButNotTheTemplate_IsNotRecognized()
    {
        // Words of INT402's template (and of others that name Sage Intacct), so the regexes run; none matches.
        Assert.Null(Recognizer.Recognize("Sage Intacct will return values for dimension reviews by Friday."));
    }

    [Fact]
    public void EveryBuiltInPattern_RequiresSomeText_SoUnrelatedMessagesAreRejectedInOnePass()
    {
        var patterns = RuleSet.Load(includeBuiltIn: true, []).Rules.SelectMany(r => r.Patterns).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.False(string.IsNullOrEmpty(p.MustContain)));
    }
}
