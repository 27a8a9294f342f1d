using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// The report's submitter, matched to Intacct's employee and vendor records as EVIDENCE.md says: an
// exact (case-sensitive) email match, inactive records included; a match only without regard to case
// establishes "the email differs"; and what those records say (location, manager, the vendor a report posts to).
public sealed partial class EvidenceFacts
{
    /// <summary>The report owner's login, where observed.</summary>
    public string? SubmitterEmail => string.IsNullOrEmpty(Evidence.Report?.SubmitterEmail) ? null : Evidence.Report.SubmitterEmail;

    /// <summary>
    /// How many employee records carry the submitter's email exactly; <c>null</c> when the email or the employee list was not
    /// observed. Cites the email of the record the submitter's email finds (its capitalization is what an exact match compares).
    /// </summary>
    [Reads("report.submitterEmail", "intacct.employees[email={person}].email")]
    public int? EmployeesWithSubmitterEmail => Count(Evidence.Intacct?.Employees, e => e.Email, StringComparison.Ordinal);

    /// <summary>How many employee records carry the submitter's email when case is ignored; cites the record the email finds.</summary>
    [Reads("report.submitterEmail", "intacct.employees[email={person}]")]
    public int? EmployeesWithSubmitterEmailIgnoringCase => Count(Evidence.Intacct?.Employees, e => e.Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>The one employee record whose email is exactly the submitter's, if exactly one is.</summary>
    public Employee? SubmitterEmployee => Single(Evidence.Intacct?.Employees, e => e.Email);

    /// <summary>
    /// How many vendor records carry the submitter's email exactly; <c>null</c> when unknown. Cites the email of the record
    /// the submitter's email finds (its capitalization is what an exact match compares).
    /// </summary>
    [Reads("report.submitterEmail", "intacct.vendors[email={person}].email")]
    public int? VendorsWithSubmitterEmail => Count(Evidence.Intacct?.Vendors, v => v.Email, StringComparison.Ordinal);

    /// <summary>How many vendor records carry the submitter's email when case is ignored; cites the record the email finds.</summary>
    [Reads("report.submitterEmail", "intacct.vendors[email={person}]")]
    public int? VendorsWithSubmitterEmailIgnoringCase => Count(Evidence.Intacct?.Vendors, v => v.Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>The one vendor record whose email is exactly the submitter's, if exactly one is.</summary>
    internal Vendor? SubmitterVendor => Single(Evidence.Intacct?.Vendors, v => v.Email);

    private int? Count<T>(IReadOnlyList<T>? records, Func<T, string?> email, StringComparison comparison)
    {
        if (records is null || SubmitterEmail is not { } submitter)
        {
            return null;
        }

        var count = 0;
        var unknown = false;
        foreach (var record in records)
        {
            var address = email(record);
            unknown |= address is null;
            if (string.Equals(address, submitter, comparison))
            {
                count++;
            }
        }

        // A record whose email is not known may be the submitter's: then none or one is not known either
        // (two or more stays true whatever the others hold).
        return unknown && count < 2 ? null : count;
    }

    private T? Single<T>(IReadOnlyList<T>? records, Func<T, string?> email)
        where T : class
    {
        if (records is null || SubmitterEmail is not { } submitter)
        {
            return null;
        }

        T? found = null;
        foreach (var record in records)
        {
            var address = email(record);
            if (address is null)
            {
                // It may be the submitter's too: "the one record" is not known.
                return null;
            }

            if (string.Equals(address, submitter, StringComparison.Ordinal))
            {
                if (found is not null)
                {
                    return null;
                }

                found = record;
            }
        }

        return found;
    }

    /// <summary>Whether the submitter's employee record (exact email) has an empty location; <c>null</c> when unknown.</summary>
    [Reads("report.submitterEmail", "intacct.employees[email={person}].locationId")]
    public bool? SubmitterLocationEmpty => SubmitterEmployee?.LocationId is { } location ? location.Length == 0 : null;

    /// <summary>
    /// Whether the location on the submitter's employee record exists and is active among the values of
    /// the <c>LOCATION</c> dimension; <c>null</c> when the location is empty or the values were not read.
    /// </summary>
    [Reads("report.submitterEmail", "intacct.employees[email={person}].locationId", "intacct.dimensions[LOCATION].values")]
    public bool? SubmitterLocationValid
    {
        get
        {
            if (SubmitterEmployee?.LocationId is not { Length: > 0 } location)
            {
                return null;
            }

            var values = Evidence.Intacct?.Dimensions?
                .FirstOrDefault(d => string.Equals(d.Id, "LOCATION", StringComparison.OrdinalIgnoreCase))?.Values;
            if (values is null)
            {
                return null;
            }

            var value = FirstByKey(values, location, static v => v.Id);
            return value is null ? false : value.Active;
        }
    }

    /// <summary>
    /// Whether the workspace takes Location from the Sage Intacct employee default (its Coding entry for
    /// <c>LOCATION</c> imports as <c>default</c>); <c>false</c> when it imports as a tag or report field.
    /// </summary>
    [Reads("workspace.coding.dimensions[LOCATION].importAs")]
    public bool? LocationFromEmployeeDefault =>
        Evidence.Workspace?.Coding?.Dimensions?.FirstOrDefault(d => string.Equals(d.Id, "LOCATION", StringComparison.OrdinalIgnoreCase))?.ImportAs switch
        {
            DimensionImport.Default => true,
            DimensionImport.Tag or DimensionImport.ReportField => false,
            _ => null,
        };

    /// <summary>
    /// The vendor record the report posts to: the one an INT446 message named, else the submitter's
    /// vendor record (exact email) when the export looks the submitter up among vendors, else the
    /// workspace's default vendor for non-reimbursable vendor bills; an on-hold one first.
    /// </summary>
    internal Vendor? PostingVendor
    {
        get
        {
            var vendors = Evidence.Intacct?.Vendors;
            if (vendors is null)
            {
                return null;
            }

            if (Named("INT446", "vendor") is { } named)
            {
                return FirstByKey(vendors, named, static v => v.Id);
            }

            var candidates = new List<Vendor>(2);
            if (ExportLooksUpVendor != false && SubmitterVendor is { } own)
            {
                candidates.Add(own);
            }

            var export = Evidence.Workspace?.Export;
            if (export?.NonReimbursable == NonReimbursableExport.VendorBill && ReportHasNonReimbursable != false
                && export.DefaultVendor is { Length: > 0 } defaultVendor
                && FirstByKey(vendors, defaultVendor, static v => v.Id) is { } fallback)
            {
                candidates.Add(fallback);
            }

            return candidates.FirstOrDefault(v => v.OnHold == true) ?? candidates.FirstOrDefault();
        }
    }

    /// <summary>
    /// Whether the manager on the submitter's employee record (<see cref="SubmitterEmployee"/>) has an active Sage Intacct
    /// user; <c>null</c> when the employee or the flag is unknown. Worked out from the submitter's email, which names the record.
    /// </summary>
    [Reads("report.submitterEmail", "intacct.employees[email={person}].managerHasActiveUser")]
    public bool? SubmitterManagerHasActiveUser => SubmitterEmployee?.ManagerHasActiveUser;

    /// <summary>
    /// Whether the vendor the report posts to is on hold; <c>null</c> when unknown. With a vendor an INT446 message named,
    /// that vendor's flag. Otherwise whether a vendor the export posts to is on hold: the submitter's vendor record where
    /// the export looks the submitter up among vendors (<see cref="ExportLooksUpVendor"/>), the workspace's default vendor
    /// where non-reimbursable expenses on the report export as vendor bills. Whether each is posted to is three-valued, so
    /// <c>true</c> needs one known to be posted to and on hold, and <c>false</c> needs each known not on hold or not posted
    /// to (an export that posts to no vendor). <see cref="PostingVendor"/>'s pick only names the vendor a report shows.
    /// </summary>
    [Reads("intacct.vendors[{vendor}].onHold")]
    public bool? PostingVendorOnHold
    {
        get
        {
            var vendors = Evidence.Intacct?.Vendors;
            if (Named("INT446", "vendor") is { } named)
            {
                return vendors is null ? null : FirstByKey(vendors, named, static v => v.Id)?.OnHold;
            }

            var export = Evidence.Workspace?.Export;
            bool? defaultPostedTo = Kleene.And(
                export?.NonReimbursable is { } route ? route == NonReimbursableExport.VendorBill : null,
                ReportHasNonReimbursable);
            var defaultVendor = export?.DefaultVendor is { Length: > 0 } id && vendors is not null ? FirstByKey(vendors, id, static v => v.Id) : null;
            return Kleene.Or(
                Kleene.And(ExportLooksUpVendor, SubmitterVendor?.OnHold),
                Kleene.And(defaultPostedTo, defaultVendor?.OnHold));
        }
    }

    /// <summary>The id of <see cref="PostingVendor"/>, where known.</summary>
    public string? PostingVendorId => PostingVendor?.Id is { Length: > 0 } id ? id : null;
}
