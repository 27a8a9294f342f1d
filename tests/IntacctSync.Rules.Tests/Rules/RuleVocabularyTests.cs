using System.Reflection;
using System.Text.RegularExpressions;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Tests.Rules;

/// <summary>
/// The rule vocabulary's growth rule (README, "The rule vocabulary"): a public member of <see cref="EvidenceFacts"/>,
/// <see cref="DimensionSubject"/> or <see cref="ExpenseSubject"/> is one a built-in rule reads, one a format 1 built-in
/// rule read before it moved to format 2 (custom rules copied from those keep loading), or one of the few listed here
/// as the document's or the subject's own data. Anything else is internal, so a fact added for one rule's convenience
/// does not become public API by accident.
/// </summary>
public sealed class RuleVocabularyTests
{
    // The document's own data and the general facts a custom rule may read (README documents each).
    private static readonly string[] DocumentData = ["Evidence", "Failed", "Today", "UserId", "WorkspaceName", "Lines"];

    // Read by format 1 built-in rules before they moved to format 2: custom rules copied from them must keep loading.
    private static readonly string[] ReadByFormatOneRules =
    [
        "CompanyMultiEntity", "DimensionImportedAsTag", "ExportCreditCardAccount", "ExportDateSetting", "ExportEntityId",
        "ImportsAsTags", "ModuleBelow", "NamedInMessage", "RestrictedCategoryAccount", "SmartRuleInQuestion",
        "SubmitterEmployee", "TagValuesInactive", "TagValuesNotInIntacct",
    ];

    // A dimension's own records and names, and the message name it was matched by.
    private static readonly string[] DimensionData =
        ["Id", "Key", "Label", "Name", "Coding", "Intacct", "ObjectRights", "MessageName", "ListedInIntacct", "WorkspaceEntryUsesLabel"];

    // A line's own fields and records, and its export route (ExportsAsExpenseReport is read by rules; its two siblings
    // complete the route).
    private static readonly string[] ExpenseData =
        ["Amount", "Customer", "Index", "Line", "Reimbursable", "ExportsAsCreditCard", "ExportsAsVendorBill", "InvalidTags", "NamedDimension"];

    public static TheoryData<string> Types() => [nameof(EvidenceFacts), nameof(DimensionSubject), nameof(ExpenseSubject)];

    [Theory]
    [MemberData(nameof(Types))]
    public void PublicMembers_AreReadByABuiltInRuleOrListedAsData(string typeName)
    {
        var (type, prefix, allowed) = typeName switch
        {
            nameof(EvidenceFacts) => (typeof(EvidenceFacts), "e", DocumentData.Concat(ReadByFormatOneRules)),
            nameof(DimensionSubject) => (typeof(DimensionSubject), "d", DimensionData),
            _ => (typeof(ExpenseSubject), "d", ExpenseData),
        };
        var read = ReadByBuiltInRules(prefix);

        var unaccounted = PublicMemberNames(type).Where(m => !read.Contains(m) && !allowed.Contains(m)).Order().ToList();

        Assert.True(
            unaccounted.Count == 0,
            $"{typeName} has public members no built-in rule reads: {string.Join(", ", unaccounted)}. Make them internal, "
            + "or, if a rule author needs one, have a built-in rule read it or list it here and document it in README's "
            + "\"The rule vocabulary\".");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void ListedData_StillExistsAndIsPublic(string typeName)
    {
        var (type, listed) = typeName switch
        {
            nameof(EvidenceFacts) => (typeof(EvidenceFacts), DocumentData.Concat(ReadByFormatOneRules)),
            nameof(DimensionSubject) => (typeof(DimensionSubject), DimensionData.AsEnumerable()),
            _ => (typeof(ExpenseSubject), ExpenseData.AsEnumerable()),
        };

        Assert.Empty(listed.Except(PublicMemberNames(type)));
    }

    private static HashSet<string> PublicMemberNames(Type type) =>
    [
        .. type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
            .Select(m => m.Name),
    ];

    private static HashSet<string> ReadByBuiltInRules(string prefix)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "rules"), "*.json", SearchOption.AllDirectories))
        {
            foreach (Match match in Regex.Matches(File.ReadAllText(file), $@"\b{prefix}\.([A-Z][A-Za-z0-9]*)"))
            {
                read.Add(match.Groups[1].Value);
            }
        }

        return read;
    }
}
