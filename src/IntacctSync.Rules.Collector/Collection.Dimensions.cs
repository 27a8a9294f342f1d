using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

internal sealed partial class Collection
{
    /// <summary>The company's dimensions as getDimensions listed them (a complete list), or <c>null</c> when it did not answer.</summary>
    private List<DimensionDraft>? _dimensions;

    /// <summary>
    /// <c>getDimensions</c>, then per user-defined dimension (and per extra name the host asked about) <c>lookup</c>
    /// (is the object defined) and a one-row <c>readByQuery</c> (may the user list it, how many values).
    /// </summary>
    private async Task ReadDimensionsAsync(CancellationToken cancellationToken)
    {
        var reply = await ProbeAsync("getDimensions", null, new XElement("getDimensions"), cancellationToken).ConfigureAwait(false);
        if (reply is { Succeeded: true })
        {
            _dimensions = [.. (reply.Data?.Elements("dimension") ?? []).Select(ParseDimension).Where(d => d.Id is not null)];
        }

        var probed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = (_dimensions ?? []).Where(d => d.UserDefined == true).Select(d => d.Id!)
            .Concat(options.DimensionIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()))
            .ToList();
        foreach (var id in targets)
        {
            var listed = _dimensions?.Find(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));
            if (!probed.Add(id) || listed?.UserDefined == false)
            {
                // A standard dimension is defined by the product itself; there is nothing to look up.
                continue;
            }

            await ProbeDimensionAsync(id.ToUpperInvariant(), listed, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ProbeDimensionAsync(string id, DimensionDraft? listed, CancellationToken cancellationToken)
    {
        var lookup = await ProbeAsync("lookup", id, new XElement("lookup", new XElement("object", id)), cancellationToken).ConfigureAwait(false);
        if (lookup is null || lookup.Unavailable)
        {
            return;
        }

        if (lookup.Succeeded)
        {
            listed?.Exists = true;
        }
        else if (NotFound().IsMatch(lookup.ErrorText))
        {
            listed?.Exists = false;
            return;
        }

        var read = await ProbeAsync("readByQuery", id, ReadByQuery(id, "RECORDNO", string.Empty, 1), cancellationToken).ConfigureAwait(false);
        if (read is { Succeeded: true, Data: { } data } && listed is not null)
        {
            // pagesize 1 returns one row; totalcount says how many the full read would return.
            listed.ValuesReturned = Count(data, "totalcount") ?? Count(data, "count");
        }
    }

    private static int? Count(XElement data, string attribute) =>
        int.TryParse((string?)data.Attribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static DimensionDraft ParseDimension(XElement dimension) => new()
    {
        Id = NullIfBlank((string?)dimension.Element("objectName"))?.ToUpperInvariant(),
        Label = NullIfBlank((string?)dimension.Element("termLabel")) ?? NullIfBlank((string?)dimension.Element("objectLabel")),
        UserDefined = Flag((string?)dimension.Element("userDefinedDimension")),
        // Listed by getDimensions: the object is defined.
        Exists = true,
    };

    private IntacctCompany? BuildCompany()
    {
        if (_dimensions is null && _employees is null && _vendors is null && _projects is null && _accounts is null)
        {
            return null;
        }

        return new IntacctCompany
        {
            Dimensions = _dimensions?.Select(d => new IntacctDimension
            {
                Id = d.Id,
                Label = d.Label,
                UserDefined = d.UserDefined,
                Exists = d.Exists,
                ValuesReturned = d.ValuesReturned,
            }).ToList(),
            Employees = _employees,
            Vendors = _vendors,
            Projects = _projects,
            Accounts = _accounts,
        };
    }

    [GeneratedRegex(@"Object (?:definition|type) \S+ not found", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotFound();

    private sealed class DimensionDraft
    {
        public string? Id { get; init; }

        public string? Label { get; init; }

        public bool? UserDefined { get; init; }

        public bool? Exists { get; set; }

        public int? ValuesReturned { get; set; }
    }
}
