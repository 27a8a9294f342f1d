using System.Globalization;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Classification;

// API error texts recognized by a rule's message.apiErrors: cited as facts, counted as explained, and the
// generic wrappers beside an explained error kept out of the unexplained list.
internal static partial class ReportBuilder
{
    /// <summary>Adds the API errors whose text named the finding's subject under its code (its <paramref name="mentions"/>).</summary>
    private static void AddRecognizedApiErrors(EvidenceFacts facts, List<int> mentions, HashSet<ApiError> into)
    {
        var errors = facts.Evidence.ApiErrors;
        if (errors is null)
        {
            return;
        }

        foreach (var mention in mentions)
        {
            if (MessageMatch.ApiErrorOf(mention) is { } index && index < errors.Count && errors[index] is { } error)
            {
                into.Add(error);
            }
        }
    }

    /// <summary>Adds the recognized API error texts as facts, in response order: <c>apiErrors[#2].description2 = "..."</c>.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="facts">The document.</param>
    /// <param name="mentions">The finding's mentions, sorted: API errors' (negative, <c>-1 - i</c>) first, so read backwards.</param>
    /// <param name="cited">The facts cited so far.</param>
    private static void AddApiErrorFacts(Finding finding, EvidenceFacts facts, List<int> mentions, List<string> cited)
    {
        for (var m = mentions.Count - 1; m >= 0; m--)
        {
            if (mentions[m] >= 0 || ApiMatch(facts, mentions[m], finding.Rule.Code) is not { } match)
            {
                continue;
            }

            if (FactResolver.Cite(facts.Evidence, string.Create(CultureInfo.InvariantCulture, $"apiErrors[#{match.ApiErrorIndex}].{match.ApiField}"), facts.Writer) is { } fact)
            {
                cited.Add(fact);
            }
        }
    }

    private static MessageMatch? ApiMatch(EvidenceFacts facts, int index, string code) =>
        facts.MatchAt(index) is { ApiField: not null } match && match.Code == code ? match : null;

    /// <summary>
    /// A wrapper (<c>Could not create ... record!</c>, a rolled-back transaction) is not listed as
    /// unexplained when an error that is not a wrapper, from the same call (same function; for an aborted
    /// result, any call of the response), was explained: the wrapper only repeats that the call failed. A
    /// wrapper with nothing explained beside it stays listed, so the report loses nothing.
    /// </summary>
    private static bool WrapsExplained(ApiError error, IReadOnlyList<ApiError> all, HashSet<ApiError> explained)
    {
        if (!IntacctResponseReader.IsWrapper(error))
        {
            return false;
        }

        var anyCall = error.Status == ApiResultStatus.Aborted || string.Equals(error.ErrorNo, "XL03000009", StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < all.Count; i++)
        {
            var other = all[i];
            if (other is not null
                && !ReferenceEquals(other, error)
                && explained.Contains(other)
                && !IntacctResponseReader.IsWrapper(other)
                && (anyCall || string.Equals(other.Function, error.Function, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
