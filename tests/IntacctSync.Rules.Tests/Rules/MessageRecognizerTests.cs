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

    // Text copied from a help page, a web mail or a chat: markup, entities and invisible characters around and inside
    // the message. Each is read as the person who pasted it read it.
    [Theory]
    [InlineData("INT402 Sync Error: Sage Intacct couldn&#39;t return values for dimension Fund &amp; Grants.", "Fund & Grants")]
    [InlineData("INT402 Sync Error: Sage Intacct couldn&rsquo;t return values for dimension &quot;Fund&quot;.", "Fund")]
    [InlineData("<p>INT402 Sync Error:<br>Sage Intacct couldn't return values<br/>for dimension <b>Fund</b>.</p>", "Fund")]
    [InlineData("INT402 Sync Error: Sage\u00A0Intacct couldn't return&nbsp;values for dimension\u00A0Fund.", "Fund")]
    [InlineData("INT402 Sync Error: Sage Intacct could\u200Bn't return values for dimen\u200Dsion Fu\u2060nd.", "Fund")]
    [InlineData("INT402 Sync Error: Sage Intacct couldn't return\r\nvalues for dimension\n\tFund.", "Fund")]
    [InlineData("\uFEFFSage Intacct couldn\u2019t return values for dimension <span style=\"color:red\">Fund</span>.", "Fund")]
    public void PastedFromHtmlOrMail_IsRecognizedWithItsPlainValue(string pasted, string dimension)
    {
        var found = Recognizer.Recognize(pasted);

        Assert.NotNull(found);
        Assert.Equal("INT402", found.Value.Rule.Code);
        Assert.Equal(dimension, found.Value.Values["dimension"]);
    }

    [Theory]
    [InlineData("P&L account 4000 < 5000: Sage Intacct will return values later.")]
    [InlineData("<script>alert(1)</script> &lt;b&gt;not a tag&lt;/b&gt;")]
    public void Markup_NotAMessageOnceRead_IsNotRecognized(string pasted)
    {
        Assert.Null(Recognizer.Recognize(pasted));
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
    public void Patterns_BuildTheirRegex_OnlyWhenFirstTried()
    {
        // Compiled afresh: the process-wide built-in catalog's patterns have been tried by other tests.
        var compiler = new RuleCompiler();
        var problems = new List<RuleProblem>();
        var rules = RuleSet.BuiltInFiles().Select(f => compiler.Compile(f.Source, f.Utf8, problems)!).ToList();
        var patterns = rules.SelectMany(r => r.Patterns).ToList();
        var int402 = rules.Single(r => r.Code == "INT402").Patterns;

        Assert.Empty(problems);
        Assert.True(patterns.Count > 30, $"only {patterns.Count} patterns");
        Assert.DoesNotContain(patterns, p => p.IsBuilt);

        var found = new MessageRecognizer(rules).Recognize("INT402 Sync Error: Sage Intacct couldn't return values for dimension Fund.");

        Assert.Equal("Fund", found!.Value.Values["dimension"]);
        Assert.True(int402[0].IsBuilt);
        Assert.Equal(patterns.Count - 1, patterns.Count(p => !p.IsBuilt));
    }

    [Theory]
    [InlineData("Account [account] for [X] is closed.", "account,dimension")]
    [InlineData("[X][account] then [[X]] and [X]s", "dimension,account,dimension,plural")]
    [InlineData("No placeholder here.", "")]
    public void Placeholders_AreFoundLeftToRight_LongestTokenFirst(string template, string expected)
    {
        var placeholders = new Dictionary<string, string> { ["[X]"] = "dimension", ["[account]"] = "account", ["[X]s"] = "plural" };

        var pattern = MessagePattern.Create(template, placeholders);

        Assert.Equal(expected, string.Join(",", pattern.Slots));
    }

    [Fact]
    public void EveryBuiltInPattern_RequiresSomeText_SoUnrelatedMessagesAreRejectedInOnePass()
    {
        var patterns = RuleSet.Load(includeBuiltIn: true, []).Rules.SelectMany(r => r.Patterns).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.False(string.IsNullOrEmpty(p.MustContain)));
    }
}

/// <summary>A template met again and again is compiled to IL and still matches exactly as before.</summary>
public sealed class MessagePatternCompilationTests
{
    private const string Template = "INT402 Sync Error: Sage Intacct couldn't return values for dimension [X]. This typically occurs when user-defined dimensions aren't set up correctly.";

    private static readonly Dictionary<string, string> Placeholders = new() { ["[X]"] = "dimension" };

    [Fact]
    public async Task AfterManyMatches_ThePatternRunsCompiled_AndMatchesAsBefore()
    {
        var pattern = MessagePattern.Create(Template, Placeholders);
        var results = new List<string>();
        var expected = new List<string>();
        for (var run = 0; run < MessagePattern.CompileAfter + 10; run++)
        {
            // Both messages hold the template's words, so each call runs the regex once, matching or not. The
            // run that reaches the threshold starts the compile on the thread pool; matching goes on meanwhile.
            Assert.Equal(run >= MessagePattern.CompileAfter, pattern.Compiling is not null);
            if (run < MessagePattern.CompileAfter)
            {
                Assert.False(pattern.IsCompiled);
            }

            if (run % 2 == 0)
            {
                results.Add(Describe(pattern, $"Sage Intacct couldn't return values for dimension Fund {run}."));
                expected.Add($"dimension=Fund {run}");
            }
            else
            {
                results.Add(Describe(pattern, "Sage Intacct returned values for dimension Fund."));
                expected.Add("no match");
            }
        }

        await pattern.Compiling!;
        Assert.True(pattern.IsCompiled);
        Assert.Equal(expected, results);
        Assert.Equal("dimension=Fund", Describe(pattern, "Sage Intacct couldn't return values for dimension Fund."));
        Assert.Equal("no match", Describe(pattern, "Sage Intacct returned values for dimension Fund."));
    }

    [Fact]
    public async Task ManyThreadsCrossingTheThreshold_AllMatchCorrectly()
    {
        var pattern = MessagePattern.Create(Template, Placeholders);
        var wrong = 0;
        Parallel.For(0, MessagePattern.CompileAfter * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (Describe(pattern, $"INT402 Sync Error: Sage Intacct couldn't return values for dimension D{i}.") != $"dimension=D{i}")
            {
                Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
        await pattern.Compiling!;
        Assert.True(pattern.IsCompiled);
    }

    private static string Describe(MessagePattern pattern, string message) =>
        pattern.TryMatch(MessagePattern.Normalize(message), out var values)
            ? string.Join(",", values.Select(v => $"{v.Key}={v.Value}"))
            : "no match";
}
