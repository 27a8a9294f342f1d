using CsCheck;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// Compiled fact paths read through the document's indexes what the path text reads by scanning
/// (<see cref="FactResolver.Cite(SyncEvidence, string)"/>): the same record for each kind of selector,
/// the first of several whose keys differ only in case, "not listed" for a key no record has, and the
/// text's own reading for a key the compiled path cannot hold.
/// </summary>
public class FactPathTests
{
    // Over the size below which lists are scanned rather than indexed, so both ways are exercised.
    private const int Count = 40;

    private static readonly SyncEvidence Evidence = Build();

    public static TheoryData<string, string> Paths() => new()
    {
        { "intacct.dimensions[{key}].active", "UDD007" },
        { "intacct.dimensions[{key}].active", "udd007" },
        { "intacct.dimensions[{key}].label", "TWIN" },
        { "intacct.dimensions[{key}]", "NOPE" },
        { "intacct.dimensions[{key}].active", "label=Dimension 12" },
        { "intacct.dimensions[{key}].label", "label=Same, id=UDD031" },
        { "intacct.dimensions[{key}].label", "label=Same, id=UDD999" },
        { "intacct.dimensions[{key}].label", "nosuchfield=x" },
        { "intacct.dimensions[{key}].id", "#3" },
        { "intacct.dimensions[{key}].id", "#4000" },
        { "apiErrors[{key}].description", "object=UDD001" },
        { "apiErrors[{key}].description", "errorNo=BL01001973" },
        { "webServicesUser.objects[{key}]", "udd020" },
        { "webServicesUser.objects[{key}]", "MIXED" },
        { "webServicesUser.objects[{key}]", "ABSENT" },
        { "intacct.dimensions[{key}].nosuchproperty", "UDD007" },
        { "intacct.dimensions[{key}].nosuchproperty", "NOPE" },
        { "nosuchproperty[{key}]", "x" },
        { "intacct.dimensions[{key}].active", "odd\\]key" },
        { "intacct.dimensions[{key}].active", "UDD0[07" },
        { "intacct.dimensions[{key}].label", "label=Same\\, or not" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Cite_AnySelector_ReadsWhatThePathTextReads(string template, string selector)
    {
        // The selector written into the path as a rule author writes it (a slot's value would be escaped as a key).
        var path = template.Replace("{key}", selector, StringComparison.Ordinal);
        var expected = FactResolver.Cite(Evidence, path);

        var cited = FactPath.Compile(TextTemplate.Parse(path)).Cite(new EvidenceFacts(Evidence, TimeProvider.System), _ => throw new InvalidOperationException("no slot"));

        Assert.Equal(expected, cited);
    }

    // Keys are evidence: a slot's value that holds selector syntax is cited escaped and read back as that one record,
    // by the compiled path, by the path text, and by the contract's reading (EvidenceFactChecker).
    [Theory]
    [InlineData("a]b", "a\\]b")]
    [InlineData("Meals, team", "Meals\\, team")]
    [InlineData("x=y", "x\\=y")]
    [InlineData("#3", "\\#3")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData(" padded ", "\\ padded\\ ")]
    [InlineData("in#side", "in#side")]
    public void Cite_KeyHoldingSelectorSyntax_IsEscapedAndReadBackWhole(string id, string escaped)
    {
        var evidence = new SyncEvidence
        {
            Intacct = new IntacctCompany
            {
                Dimensions =
                [
                    new IntacctDimension { Id = "a", Label = "decoy a", Active = true },
                    new IntacctDimension { Id = "Meals", Label = "decoy meals", Active = true },
                    new IntacctDimension { Id = "padded", Label = "decoy padded", Active = true },
                    new IntacctDimension { Id = "x", Label = "decoy x", Active = true },
                    new IntacctDimension { Id = id, Label = "the one", Active = false },
                ],
            },
            WebServicesUser = new WebServicesUser { Objects = new Dictionary<string, IReadOnlyList<ObjectRight>> { ["a"] = [ObjectRight.View], [id] = [ObjectRight.List] } },
        };
        var facts = new EvidenceFacts(evidence, TimeProvider.System);
        var json = System.Text.Json.Nodes.JsonNode.Parse(SyncEvidenceJson.Write(evidence))!;

        var label = FactPath.Compile(TextTemplate.Parse("intacct.dimensions[{key}].label")).Cite(facts, _ => id);
        var rights = FactPath.Compile(TextTemplate.Parse("webServicesUser.objects[{key}]")).Cite(facts, _ => id);

        Assert.Equal($"intacct.dimensions[{escaped}].label = \"the one\"", label);
        Assert.Equal($"webServicesUser.objects[{escaped}] = [\"list\"]", rights);
        Assert.Equal(label, FactResolver.Cite(evidence, $"intacct.dimensions[{escaped}].label"));
        Assert.Null(Properties.EvidenceFactChecker.Problem(json, label!));
        Assert.Null(Properties.EvidenceFactChecker.Problem(json, rights!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("a]b,c=d\\e")]
    [InlineData("#12")]
    [InlineData("  both ends  ")]
    [InlineData(",=]\\#")]
    public void Escape_GivenValue_ReadsBackAsOneBareKeyAndAsAFieldValue(string value)
    {
        var escaped = FactKey.Escape(value);

        Assert.Equal([(null, value)], FactKey.Parts(escaped));
        Assert.Equal([("label", value)], FactKey.Parts("label=" + escaped));
        Assert.Equal(value, FactKey.Unescape(escaped));
    }

    [Fact]
    public void Cite_KeysDifferingInCase_TheFirstInDocumentOrderWins()
    {
        var facts = new EvidenceFacts(Evidence, TimeProvider.System);

        Assert.Equal("intacct.dimensions[twin].label = \"first twin\"", FactPath.Compile(TextTemplate.Parse("intacct.dimensions[{key}].label")).Cite(facts, _ => "twin"));
        Assert.Equal("webServicesUser.objects[mixed] = [\"list\"]", FactPath.Compile(TextTemplate.Parse("webServicesUser.objects[{key}]")).Cite(facts, _ => "mixed"));
    }

    [Fact]
    public void Cite_KeyNoRecordHas_IsNotListed()
    {
        var cited = FactPath.Compile(TextTemplate.Parse("intacct.dimensions[{key}].active")).Cite(new EvidenceFacts(Evidence, TimeProvider.System), _ => "UDD9999");

        Assert.Equal("intacct.dimensions[UDD9999].active = not listed", cited);
    }

    [Fact]
    public void Cite_FirstCitationFromManyThreadsAtOnce_EveryThreadReadsTheFact()
    {
        // A compiled path is shared by every classification; the first citation resolves it.
        var path = FactPath.Compile(TextTemplate.Parse("intacct.dimensions[{key}].label"));
        const int Threads = 8;
        using var start = new Barrier(Threads);
        var cited = new string?[Threads];

        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            var facts = new EvidenceFacts(Evidence, TimeProvider.System);
            start.SignalAndWait();
            cited[i] = path.Cite(facts, _ => "UDD012");
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(cited, c => Assert.Equal("intacct.dimensions[UDD012].label = \"Dimension 12\"", c));
    }

    [Fact]
    public void Escape_AnyValue_ReadsBackWhole()
    {
        // Selector syntax and spaces made likely: Gen.String alone rarely draws them.
        var text = Gen.String[Gen.Frequency((1, Gen.Char), (2, Gen.Char[" \\],=#ab"])), 0, 12];
        text.Sample(value =>
        {
            var escaped = FactKey.Escape(value);
            Assert.Equal([(null, value)], FactKey.Parts(escaped));
            Assert.Equal([("id", value)], FactKey.Parts("id=" + escaped));
            Assert.Equal(value, FactKey.Unescape(escaped));
        }, iter: 20_000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void SelectorAt_AnyEscapedKey_IsTheKeyThePathReaderReads()
    {
        // What the report reads back from a cited fact (which API error it cites) must be what FactResolver reads.
        var text = Gen.String[Gen.Frequency((1, Gen.Char), (2, Gen.Char[" \\],=#ab"])), 0, 12];
        Gen.Select(text, text).Sample((first, second) =>
        {
            var fact = "apiErrors[object=" + FactKey.Escape(first) + "," + FactKey.Escape(second) + "].description2 = \"x]\"";
            var segments = FactResolver.Segments(fact).ToList();

            Assert.Equal(segments[1].Key, FactKey.SelectorAt(fact, segments[1].Index));
        }, iter: 20_000, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData("apiErrors", 9)]
    [InlineData("apiErrors[open", 9)]
    [InlineData("apiErrors[a\\]", 9)]
    [InlineData("apiErrors.x", 9)]
    public void SelectorAt_NoClosedSelectorThere_IsNull(string text, int open) => Assert.Null(FactKey.SelectorAt(text, open));

    private static SyncEvidence Build()
    {
        var dimensions = new List<IntacctDimension>();
        var objects = new Dictionary<string, IReadOnlyList<ObjectRight>>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var id = $"UDD{i:D3}";
            dimensions.Add(new IntacctDimension { Id = id, Label = i >= 30 ? "Same" : $"Dimension {i}", Active = i % 2 == 0 });
            objects[id] = [ObjectRight.List, ObjectRight.View];
        }

        dimensions.Add(new IntacctDimension { Id = "Twin", Label = "first twin", Active = true });
        dimensions.Add(new IntacctDimension { Id = "TWIN", Label = "second twin", Active = false });
        objects["Mixed"] = [ObjectRight.List];
        objects["MIXED"] = [ObjectRight.View];
        return new SyncEvidence
        {
            Intacct = new IntacctCompany { Dimensions = dimensions },
            WebServicesUser = new WebServicesUser { Objects = objects },
            ApiErrors = [new ApiError { Object = "UDD001", ErrorNo = "BL01001973", Description = "first" }, new ApiError { ErrorNo = "BL01001973", Description = "second" }],
        };
    }
}
