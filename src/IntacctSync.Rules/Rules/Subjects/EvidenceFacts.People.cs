using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Rules.Subjects;

// The report's submitter, matched to Intacct's employee and vendor records as EVIDENCE.md says: an
// exact (case-sensitive) email match, inactive records included; a match only without regard to case
// establishes "the email differs".
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
}
