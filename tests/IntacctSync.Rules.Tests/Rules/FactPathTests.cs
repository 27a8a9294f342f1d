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
        { "intacct.dimensions[{key}].active", "odd]key" },
        { "intacct.dimensions[{key}].active", "UDD0[07" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void Cite_AnySelector_ReadsWhatThePathTextReads(string template, string key)
    {
        var parsed = TextTemplate.Parse(template);
        var expected = FactResolver.Cite(Evidence, parsed.Render(_ => key));

        var cited = FactPath.Compile(parsed).Cite(new EvidenceFacts(Evidence, TimeProvider.System), _ => key);

        Assert.Equal(expected, cited);
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
