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
    /// <summary>The API errors whose text named this finding's subject under its code.</summary>
    private static IEnumerable<ApiError> RecognizedApiErrors(Finding finding, EvidenceFacts facts)
    {
        var errors = facts.Evidence.ApiErrors;
        if (errors is null)
        {
            yield break;
        }

        foreach (var mention in finding.Rule.Subject.MentionsBy(finding.Subject, finding.Rule.Code))
        {
            if (MessageMatch.ApiErrorOf(mention) is { } index && index < errors.Count && errors[index] is { } error)
            {
                yield return error;
            }
        }
    }

    /// <summary>The recognized API error texts as facts: <c>apiErrors[#2].description2 = "..."</c>.</summary>
    private static IEnumerable<string> ApiErrorFacts(Finding finding, EvidenceFacts facts, List<int> mentions)
    {
        var byIndex = facts.Matches.Where(m => m.ApiField is not null && m.Code == finding.Rule.Code).ToDictionary(m => m.Index);
        foreach (var mention in mentions.Where(m => m < 0).OrderDescending())
        {
            if (byIndex.TryGetValue(mention, out var match)
                && FactResolver.Cite(facts.Evidence, string.Create(CultureInfo.InvariantCulture, $"apiErrors[#{match.ApiErrorIndex}].{match.ApiField}")) is { } fact)
            {
                yield return fact;
            }
        }
    }

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
        return all.Any(other => other is not null
            && !ReferenceEquals(other, error)
            && explained.Contains(other)
            && !IntacctResponseReader.IsWrapper(other)
            && (anyCall || string.Equals(other.Function, error.Function, StringComparison.OrdinalIgnoreCase)));
    }
}
