using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Rules;

/// <summary>
/// Recognizes Sage Intacct API error texts as codes (the rules' <c>message.apiErrors</c>), the way
/// <see cref="MessageRecognizer"/> recognizes pasted messages. Wrappers (<c>Could not create ... record!</c>,
/// a rolled-back transaction) and "Sage Intacct unavailable" stand-ins are never tried: they name no cause.
/// Rules are tried in priority order; the first template that matches decides.
/// </summary>
/// <remarks>Immutable; one instance serves every thread.</remarks>
internal sealed class ApiErrorRecognizer
{
    private readonly CompiledRule[] _rules;

    public ApiErrorRecognizer(IReadOnlyList<CompiledRule> rules)
    {
        _rules = rules.Where(r => r.ApiPatterns.Count > 0 && !r.Fallback).ToArray();
    }

    /// <summary>One match per recognized error, indexed with <see cref="MessageMatch.ForApiError"/>.</summary>
    public IReadOnlyList<MessageMatch> Recognize(IReadOnlyList<ApiError>? errors, RecognitionBudget? budget = null)
    {
        if (errors is null || errors.Count == 0 || _rules.Length == 0)
        {
            return [];
        }

        var matches = new List<MessageMatch>();
        for (var i = 0; i < errors.Count; i++)
        {
            if (budget is not null && budget.Spent)
            {
                budget.ApiErrorsSkipped += errors.Count - i;
                break;
            }

            var error = errors[i];
            if (error is null || IntacctResponseReader.IsWrapper(error) || IntacctResponseReader.IsUnavailable(error))
            {
                continue;
            }

            if (Recognize(error, budget) is { } found)
            {
                matches.Add(MessageMatch.ForApiError(i, found.Rule.Code, found.Field, found.Values));
            }
        }

        return matches;
    }

    private (CompiledRule Rule, string Field, IReadOnlyDictionary<string, string> Values)? Recognize(ApiError error, RecognitionBudget? budget)
    {
        // Every pattern reads the same texts: they are normalized once, not once per pattern and field.
        var texts = new ApiErrorTexts(error);
        var errorNo = error.ErrorNo?.Trim();
        foreach (var rule in _rules)
        {
            foreach (var pattern in rule.ApiPatterns)
            {
                if (pattern.TryMatch(errorNo, texts, out var field, out var values, budget))
                {
                    return (rule, field, values);
                }
            }
        }

        return null;
    }
}
