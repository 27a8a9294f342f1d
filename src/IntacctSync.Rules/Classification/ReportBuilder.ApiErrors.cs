using System.Globalization;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;
using IntacctSync.Rules.Rules;
using IntacctSync.Rules.Rules.Subjects;

namespace IntacctSync.Rules.Classification;

// API errors in the report: the texts a rule's message.apiErrors recognized cited as facts, and every error either
// cited in some diagnosis's evidence or listed as unexplained (ApiErrorAccount).
internal static partial class ReportBuilder
{
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
    /// Which diagnosis accounts for each API error. The contract's rule is that every error is cited in some diagnosis's
    /// <c>evidence</c> or listed under <c>unexplained</c>, so an error counts as explained only when a written
    /// diagnosis cites it, and every error a diagnosis rests on is written into its <c>evidence</c>:
    /// <list type="bullet">
    /// <item>an error whose text the code's <c>message.apiErrors</c> recognized (already cited by <see cref="AddApiErrorFacts"/>);</item>
    /// <item>an error a cause's facts cite (<c>apiErrors[errorNo=XL03000006].description</c>), in either verdict;</item>
    /// <item>for a diagnosis at least <c>likely</c> about a subject of its own (a dimension), the errors joined to that
    /// subject because they name it. A document-wide diagnosis owns no error by that: it accounts only for what it cites;</item>
    /// <item>a wrapper (<c>Could not create ... record!</c>, a rolled-back transaction) beside an error of the same call
    /// (any call, for an aborted transaction) that a diagnosis cites: it only repeats that the call failed, so it is
    /// cited by that diagnosis too, never diagnosed on its own nor listed as unexplained. A wrapper with no such sibling
    /// is cited by the best confirmed authentication or connection diagnosis, if there is one: when the integration
    /// could not sign in or connect, every call failed, and the wrapper says no more than that.</item>
    /// </list>
    /// Built only for evidence with API errors.
    /// </summary>
    private sealed class ApiErrorAccount(IReadOnlyList<ApiError> errors)
    {
        // The first diagnosis citing each error (-1: none yet).
        private readonly int[] _citedBy = NoneYet(errors.Count);
        private Dictionary<ApiError, int>? _indexOf;

        // The best confirmed authentication or connection diagnosis (-1: none).
        private int _accessFailure = -1;

        // Errors a diagnosis accounts for but does not yet cite in its evidence, by diagnosis.
        private Dictionary<int, SortedSet<int>>? _toCite;

        // (diagnosis, error) pairs whose text the code's message.apiErrors recognized: AddApiErrorFacts cited them already.
        private HashSet<(int Diagnosis, int Error)>? _recognized;

        public bool IsCited(int index) => _citedBy[index] >= 0;

        public void Add(int diagnosisIndex, Finding finding, Diagnosis diagnosis, EvidenceFacts facts, List<int> mentions)
        {
            foreach (var mention in mentions)
            {
                if (MessageMatch.ApiErrorOf(mention) is { } index && index < errors.Count && ApiMatch(facts, mention, finding.Rule.Code) is not null)
                {
                    (_recognized ??= []).Add((diagnosisIndex, index));
                    Mark(index, diagnosisIndex, cite: false);
                }
            }

            if (_accessFailure < 0 && finding.Certainty == Certainty.Confirmed && diagnosis.Kind is ErrorKind.Authentication or ErrorKind.Connection)
            {
                _accessFailure = diagnosisIndex;
            }

            CitedByCauses(diagnosis.Causes, diagnosisIndex);
            CitedByCauses(diagnosis.RuledOut, diagnosisIndex);

            if (finding.Certainty != Certainty.Possible && finding.Rule.Subject is not DocumentSubjectKind)
            {
                foreach (var member in finding.Members ?? [finding])
                {
                    var owned = finding.Rule.Subject.ApiErrors(member.Subject);
                    for (var e = 0; e < owned.Count; e++)
                    {
                        if (IndexOf(owned[e]) is { } index)
                        {
                            Mark(index, diagnosisIndex, cite: true);
                        }
                    }
                }
            }
        }

        /// <summary>Cites the wrappers beside cited errors, then writes every error still to cite into its diagnosis's evidence.</summary>
        public void Cite(Diagnosis[] diagnoses, EvidenceFacts facts)
        {
            CiteWrappers();
            if (_toCite is null)
            {
                return;
            }

            foreach (var (at, indexes) in _toCite)
            {
                var old = diagnoses[at];
                var evidence = new List<string>(old.Evidence.Count + indexes.Count);
                evidence.AddRange(old.Evidence);
                foreach (var index in indexes)
                {
                    evidence.Add(Fact(facts, index));
                }

                diagnoses[at] = new Diagnosis(old.Code, old.Kind, old.Title, old.Message, old.Subject, old.Certainty, old.Causes, old.RuledOut, old.Steps, old.MissingEvidence, evidence, old.Rule);
            }
        }

        private static int[] NoneYet(int count)
        {
            var array = new int[count];
            Array.Fill(array, -1);
            return array;
        }

        /// <summary>An error as the evidence holds it: its first text (description2, description, correction), else its number, else the whole record.</summary>
        private static string Fact(EvidenceFacts facts, int index)
        {
            var error = facts.Evidence.ApiErrors![index];
            var (field, text) = !string.IsNullOrWhiteSpace(error.Description2) ? ("description2", error.Description2)
                : !string.IsNullOrWhiteSpace(error.Description) ? ("description", error.Description)
                : !string.IsNullOrWhiteSpace(error.Correction) ? ("correction", error.Correction)
                : !string.IsNullOrWhiteSpace(error.ErrorNo) ? ("errorNo", error.ErrorNo)
                : (null, null);
            return field is null
                ? facts.Writer.Format(string.Create(CultureInfo.InvariantCulture, $"apiErrors[#{index}]"), error, typeof(ApiError))
                : facts.Writer.Format(string.Create(CultureInfo.InvariantCulture, $"apiErrors[#{index}].{field}"), text!, typeof(string));
        }

        private void Mark(int index, int diagnosisIndex, bool cite)
        {
            if (_citedBy[index] < 0)
            {
                _citedBy[index] = diagnosisIndex;
            }

            if (cite && _recognized?.Contains((diagnosisIndex, index)) != true)
            {
                _toCite ??= [];
                if (!_toCite.TryGetValue(diagnosisIndex, out var set))
                {
                    _toCite[diagnosisIndex] = set = [];
                }

                set.Add(index);
            }
        }

        /// <summary>Marks the errors that the causes' facts select (<c>apiErrors[...]...</c>), to be cited in the evidence too.</summary>
        private void CitedByCauses(IReadOnlyList<DiagnosedCause> causes, int diagnosisIndex)
        {
            foreach (var cause in causes)
            {
                foreach (var fact in cause.Facts)
                {
                    if (fact.StartsWith("apiErrors[", StringComparison.Ordinal) && Selected(fact) is { } index)
                    {
                        Mark(index, diagnosisIndex, cite: true);
                    }
                }
            }
        }

        /// <summary>The index of the error a fact's first selector picks, or <c>null</c>.</summary>
        /// <param name="fact">A fact that starts <c>apiErrors[</c>.</param>
        private int? Selected(string fact) =>
            FactKey.SelectorAt(fact, "apiErrors".Length) is { } key && FactIndex.Scan(errors, ElementInfo.For(typeof(ApiError)), key) is ApiError error
                ? IndexOf(error)
                : null;

        private int? IndexOf(ApiError error)
        {
            if (_indexOf is null)
            {
                _indexOf = new Dictionary<ApiError, int>(errors.Count, ReferenceEqualityComparer.Instance);
                for (var i = errors.Count - 1; i >= 0; i--)
                {
                    if (errors[i] is { } e)
                    {
                        _indexOf[e] = i;
                    }
                }
            }

            return _indexOf.TryGetValue(error, out var index) ? index : null;
        }

        /// <summary>
        /// Each wrapper not cited yet goes to the diagnosis that cites the first cited error of its call that is not a
        /// wrapper (same function, or any call for an aborted transaction), else to the best confirmed authentication or
        /// connection diagnosis. One pass over the errors for the calls, one for
        /// the wrappers: asking per wrapper made a response of many wrappers and many cited errors quadratic.
        /// </summary>
        private void CiteWrappers()
        {
            Dictionary<string, int>? byFunction = null;
            var anyCall = -1;
            for (var i = 0; i < errors.Count; i++)
            {
                if (_citedBy[i] >= 0 && errors[i] is { } error && !IntacctResponseReader.IsWrapper(error))
                {
                    byFunction ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    byFunction.TryAdd(error.Function ?? string.Empty, _citedBy[i]);
                    anyCall = anyCall < 0 ? _citedBy[i] : anyCall;
                }
            }

            for (var i = 0; (byFunction is not null || _accessFailure >= 0) && i < errors.Count; i++)
            {
                if (_citedBy[i] >= 0 || errors[i] is not { } error || !IntacctResponseReader.IsWrapper(error))
                {
                    continue;
                }

                var aborted = error.Status == ApiResultStatus.Aborted || string.Equals(error.ErrorNo, "XL03000009", StringComparison.OrdinalIgnoreCase);
                var by = aborted ? anyCall : byFunction?.GetValueOrDefault(error.Function ?? string.Empty, -1) ?? -1;
                by = by >= 0 ? by : _accessFailure;
                if (by >= 0)
                {
                    Mark(i, by, cite: true);
                }
            }
        }
    }
}
