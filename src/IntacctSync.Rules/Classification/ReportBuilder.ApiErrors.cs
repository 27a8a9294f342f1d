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

            // The text is read straight from the error (what FactResolver would find at this path, without parsing
            // the path once per error: a response can hold thousands naming one subject).
            var index = match.ApiErrorIndex!.Value;
            var error = facts.Evidence.ApiErrors![index];
            var text = match.ApiField switch
            {
                "description2" => error.Description2,
                "description" => error.Description,
                "correction" => error.Correction,
                _ => throw new InvalidOperationException($"No API error text is called {match.ApiField}."),
            };
            if (text is not null)
            {
                cited.Add(facts.Writer.Format(string.Create(CultureInfo.InvariantCulture, $"apiErrors[#{index}].{match.ApiField}"), text, typeof(string)));
            }
        }
    }

    private static MessageMatch? ApiMatch(EvidenceFacts facts, int index, string code) =>
        facts.MatchAt(index, code) is { ApiField: not null } match ? match : null;

    /// <summary>
    /// A wrapper (<c>Could not create ... record!</c>, a rolled-back transaction) is not listed as
    /// unexplained when an error that is not a wrapper, from the same call (same function; for an aborted
    /// result, any call of the response), was explained: the wrapper only repeats that the call failed. A
    /// wrapper with nothing explained beside it stays listed, so the report loses nothing.
    /// </summary>
    private static bool WrapsExplained(ApiError error, ExplainedCalls calls)
    {
        if (!IntacctResponseReader.IsWrapper(error))
        {
            return false;
        }

        var anyCall = error.Status == ApiResultStatus.Aborted || string.Equals(error.ErrorNo, "XL03000009", StringComparison.OrdinalIgnoreCase);
        return anyCall ? calls.Any : calls.Functions.Contains(error.Function ?? string.Empty);
    }

    /// <summary>
    /// The calls with an explained error that is not a wrapper, found in one pass: asking it per wrapper made a
    /// response of many wrappers and many explained errors quadratic.
    /// </summary>
    private sealed class ExplainedCalls
    {
        private ExplainedCalls(bool any, HashSet<string> functions)
        {
            Any = any;
            Functions = functions;
        }

        /// <summary>Whether any call has one.</summary>
        public bool Any { get; }

        /// <summary>The functions that have one (an absent function as the empty text), without regard to case.</summary>
        public HashSet<string> Functions { get; }

        public static ExplainedCalls Of(IReadOnlyList<ApiError> all, HashSet<ApiError> explained)
        {
            var functions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i] is { } other && explained.Contains(other) && !IntacctResponseReader.IsWrapper(other))
                {
                    functions.Add(other.Function ?? string.Empty);
                }
            }

            return new ExplainedCalls(functions.Count > 0, functions);
        }
    }
}
