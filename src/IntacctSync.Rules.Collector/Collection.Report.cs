using System.Globalization;
using System.Xml.Linq;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

internal sealed partial class Collection
{
    // A readByQuery IN list this long is still one small request; a longer one is left unread rather than split.
    private const int MaxIdsPerRead = 100;

    private List<Employee>? _employees;
    private List<Vendor>? _vendors;
    private List<Project>? _projects;
    private List<GlAccount>? _accounts;

    /// <summary>
    /// Targeted reads of what the host's report refers to: the submitter's employee and vendor records (by
    /// email), its projects and the accounts the host names. A list is kept only when the read returned all of
    /// it (nothing remaining), since a present list claims to hold every record the report refers to.
    /// </summary>
    private async Task ReadReportRecordsAsync(CancellationToken cancellationToken)
    {
        var report = options.Report;
        if (!string.IsNullOrWhiteSpace(report?.SubmitterEmail))
        {
            var email = Quote(report.SubmitterEmail);
            _employees = await ReadListAsync("EMPLOYEE", "EMPLOYEEID,PERSONALINFO.EMAIL1,LOCATIONID,STATUS", "PERSONALINFO.EMAIL1 = " + email, MaxIdsPerRead,
                static e => new Employee
                {
                    Id = Field(e, "EMPLOYEEID"),
                    Email = Field(e, "PERSONALINFO.EMAIL1"),
                    LocationId = Field(e, "LOCATIONID"),
                    Active = Status(Field(e, "STATUS")),
                }, cancellationToken).ConfigureAwait(false);
            _vendors = await ReadListAsync("VENDOR", "VENDORID,DISPLAYCONTACT.EMAIL1,STATUS,ONHOLD", "DISPLAYCONTACT.EMAIL1 = " + email, MaxIdsPerRead,
                static e => new Vendor
                {
                    Id = Field(e, "VENDORID"),
                    Email = Field(e, "DISPLAYCONTACT.EMAIL1"),
                    Active = Status(Field(e, "STATUS")),
                    OnHold = Flag(Field(e, "ONHOLD")),
                }, cancellationToken).ConfigureAwait(false);
        }

        var projectIds = Distinct((report?.Expenses ?? []).Select(x => x?.Project));
        if (projectIds.Count is > 0 and <= MaxIdsPerRead)
        {
            _projects = await ReadListAsync("PROJECT", "PROJECTID,CUSTOMERID,STATUS", "PROJECTID IN (" + string.Join(",", projectIds.Select(Quote)) + ")", projectIds.Count,
                static e => new Project
                {
                    Id = Field(e, "PROJECTID"),
                    CustomerId = Field(e, "CUSTOMERID"),
                    Active = Status(Field(e, "STATUS")),
                }, cancellationToken).ConfigureAwait(false);
        }

        var accountNumbers = Distinct(options.AccountNumbers);
        if (accountNumbers.Count is > 0 and <= MaxIdsPerRead)
        {
            _accounts = await ReadListAsync("GLACCOUNT", "ACCOUNTNO,STATUS", "ACCOUNTNO IN (" + string.Join(",", accountNumbers.Select(Quote)) + ")", accountNumbers.Count,
                static e => new GlAccount
                {
                    Number = Field(e, "ACCOUNTNO"),
                    Active = Status(Field(e, "STATUS")),
                }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<T>?> ReadListAsync<T>(string objectName, string fields, string query, int pageSize, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var reply = await ProbeAsync("readByQuery", objectName, ReadByQuery(objectName, fields, query, pageSize), cancellationToken).ConfigureAwait(false);
        if (reply is not { Succeeded: true, Data: { } data })
        {
            return null;
        }

        var remaining = int.TryParse((string?)data.Attribute("numremaining"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return remaining == 0 ? [.. data.Elements().Select(read)] : null;
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A field of a returned record: <c>PERSONALINFO.EMAIL1</c> as one element, or nested.</summary>
    private static string? Field(XElement record, string name)
    {
        if (record.Element(name) is { } flat)
        {
            return flat.Value;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? (string?)record.Element(name[..dot])?.Element(name[(dot + 1)..]) : null;
    }

    private static bool? Status(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "ACTIVE" => true,
        "INACTIVE" => false,
        _ => null,
    };
}
