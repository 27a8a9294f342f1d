using System.Text.Json;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Tests.Evidence;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// A fact written straight into its text reads exactly as the serializer's own string would: the same
/// escaping (quotes, typographic apostrophes, non-ASCII text kept), enums, lists, records and numbers.
/// </summary>
public class FactWriterTests
{
    public static TheoryData<object, Type> Values() => new()
    {
        { "plain", typeof(string) },
        { "Sage Intacct couldn’t return values for \"Cost Center\" <b> & é", typeof(string) },
        { "line\nbreak\ttab\\", typeof(string) },
        { true, typeof(bool?) },
        { 42, typeof(int?) },
        { 12.50m, typeof(decimal?) },
        { new List<ObjectRight> { ObjectRight.List, ObjectRight.View }, typeof(IReadOnlyList<ObjectRight>) },
        { new IntacctDimension { Id = "COSTCENTER", Label = "Cost Center", Active = false, ValuesReturned = 0 }, typeof(IntacctDimension) },
        { DimensionImport.Tag, typeof(DimensionImport?) },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Format_AnyValue_WritesWhatTheSerializerWrites(object value, Type type)
    {
        var expected = "a.path[KEY] = " + JsonSerializer.Serialize(value, type, EvidenceModelTests.SerializerOptions);
        var writer = FactWriter.Rent();

        var first = writer.Format("a.path[KEY]", value, type);
        var again = writer.Format("a.path[KEY]", value, type);
        FactWriter.Return(writer);

        Assert.Equal(expected, first);
        Assert.Equal(expected, again);
    }
}
