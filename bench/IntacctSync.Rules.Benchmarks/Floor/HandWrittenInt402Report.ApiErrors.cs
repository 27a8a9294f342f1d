using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Benchmarks.Floor;

internal static partial class HandWrittenInt402Report
{
    /// <summary>
    /// Which diagnosis accounts for each API error, as the library's report does: every error is cited in some
    /// diagnosis's evidence or listed as unexplained. A diagnosis accounts for the errors whose text named its
    /// dimension (already in its evidence), those its causes' facts cite, and, when it is confirmed or likely, the
    /// errors about its dimension's object; a wrapper (<c>Could not create ... record!</c>, a rolled-back transaction)
    /// goes with the first cited error of its call (of any call, for an aborted transaction).
    /// </summary>
    private sealed class ApiErrorAccount(int count)
    {
        // The first diagnosis accounting for each error; -1 while none does.
        private readonly int[] _citedBy = NoneYet(count);

        // Per diagnosis, the errors to write into its evidence, and those its dimension's mentions already cite.
        private readonly Dictionary<int, SortedSet<int>> _toCite = [];
        private readonly HashSet<(int Diagnosis, int Error)> _named = [];

        public bool IsCited(int index) => _citedBy[index] >= 0;

        public void Add(int diagnosis, Finding finding, List<int> citedByCauses)
        {
            var d = finding.Dimension;
            foreach (var (index, field) in d.Mentions ?? [])
            {
                if (field is not null)
                {
                    _named.Add((diagnosis, index));
                    Mark(index, diagnosis, cite: false);
                }
            }

            foreach (var index in citedByCauses)
            {
                Mark(index, diagnosis, cite: true);
            }

            if (finding.Certainty != Certainty.Possible)
            {
                foreach (var index in d.ApiErrorIndexes ?? [])
                {
                    Mark(index, diagnosis, cite: true);
                }
            }
        }

        public void CiteWrappers(IReadOnlyList<ApiError> errors)
        {
            Dictionary<string, int>? byFunction = null;
            var anyCall = -1;
            for (var i = 0; i < errors.Count; i++)
            {
                if (_citedBy[i] >= 0 && !Int402Join.IsWrapper(errors[i]))
                {
                    byFunction ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                    byFunction.TryAdd(errors[i].Function ?? string.Empty, _citedBy[i]);
                    anyCall = anyCall < 0 ? _citedBy[i] : anyCall;
                }
            }

            for (var i = 0; byFunction is not null && i < errors.Count; i++)
            {
                var error = errors[i];
                if (_citedBy[i] >= 0 || !Int402Join.IsWrapper(error))
                {
                    continue;
                }

                var aborted = error.Status == ApiResultStatus.Aborted || string.Equals(error.ErrorNo, "XL03000009", StringComparison.OrdinalIgnoreCase);
                var by = aborted ? anyCall : byFunction.GetValueOrDefault(error.Function ?? string.Empty, -1);
                if (by >= 0)
                {
                    Mark(i, by, cite: true);
                }
            }
        }

        /// <summary>Writes each diagnosis's errors still to cite into its evidence, in the errors' order.</summary>
        public void Cite(Diagnosis[] diagnoses, IReadOnlyList<ApiError> errors)
        {
            foreach (var (at, indexes) in _toCite)
            {
                var old = diagnoses[at];
                var evidence = new List<string>(old.Evidence.Count + indexes.Count);
                evidence.AddRange(old.Evidence);
                foreach (var index in indexes)
                {
                    evidence.Add(Fact(errors[index], index));
                }

                diagnoses[at] = new Diagnosis(old.Code, old.Kind, old.Title, old.Message, old.Subject, old.Certainty, old.Causes, old.RuledOut, old.Steps, old.MissingEvidence, evidence, old.Rule);
            }
        }

        /// <summary>An error as the evidence holds it: its first text (description2, description, correction), else its number.</summary>
        private static string Fact(ApiError error, int index)
        {
            var (field, text) = !string.IsNullOrWhiteSpace(error.Description2) ? ("description2", error.Description2)
                : !string.IsNullOrWhiteSpace(error.Description) ? ("description", error.Description)
                : !string.IsNullOrWhiteSpace(error.Correction) ? ("correction", error.Correction)
                : !string.IsNullOrWhiteSpace(error.ErrorNo) ? ("errorNo", error.ErrorNo)
                : throw new NotSupportedException("The floor does not write an API error without any text or number.");
            return string.Concat("apiErrors[#", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "].", field, " = ", Int402ReportDocument.Json(text));
        }

        private void Mark(int index, int diagnosis, bool cite)
        {
            if (_citedBy[index] < 0)
            {
                _citedBy[index] = diagnosis;
            }

            if (cite && !_named.Contains((diagnosis, index)))
            {
                if (!_toCite.TryGetValue(diagnosis, out var set))
                {
                    _toCite[diagnosis] = set = [];
                }

                set.Add(index);
            }
        }

        private static int[] NoneYet(int count)
        {
            var array = new int[count];
            Array.Fill(array, -1);
            return array;
        }
    }
}
