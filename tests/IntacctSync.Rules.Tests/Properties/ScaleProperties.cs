using System.Text;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Tests.Properties;

/// <summary>
/// Evidence at scale: 100,000 dimensions, and allocation that grows linearly with the evidence. No test
/// here is timed (speed is measured with BenchmarkDotNet elsewhere); allocated bytes are deterministic
/// and catch quadratic work just as well.
/// </summary>
public class ScaleProperties
{
    private const int Large = 100_000;

    // Ten broken dimensions among 100,000, for the tests that read the whole document.
    private const int Every = 10_000;

    /// <summary>Every <paramref name="inactiveEvery"/>-th dimension is inactive; the others are healthy and imported as tags.</summary>
    internal static SyncEvidence ManyDimensions(int count, int inactiveEvery, bool rights = true)
    {
        var dimensions = new IntacctDimension[count];
        var coding = new CodingDimension[count];
        var objects = new Dictionary<string, IReadOnlyList<ObjectRight>>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = "UDD" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            dimensions[i] = new IntacctDimension
            {
                Id = id,
                Label = "Dimension " + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                UserDefined = true,
                Exists = true,
                Active = i % inactiveEvery != inactiveEvery - 1,
                Configured = true,
            };
            coding[i] = new CodingDimension { Id = id, Enabled = true, ImportAs = DimensionImport.Tag };
            objects[id] = [ObjectRight.List, ObjectRight.View];
        }

        return new SyncEvidence
        {
            Operation = SyncOperation.Sync,
            Outcome = SyncOutcome.Failed,
            WebServicesUser = new WebServicesUser { UserId = "xmlgateway_expensify", Objects = rights ? objects : null },
            Intacct = new IntacctCompany { Dimensions = dimensions },
            Workspace = new Workspace { Name = "Acme US", Coding = new CodingSettings { Dimensions = coding } },
        };
    }

    [Fact]
    public void Classify_100000Dimensions_ReportsEachInactiveOneOnce()
    {
        var report = ClassifierProperties.Classifier.Classify(ManyDimensions(Large, Every));

        Assert.Equal(Large / Every, report.Diagnoses.Count);
        Assert.All(report.Diagnoses, d => Assert.Equal(Certainty.Confirmed, d.Certainty));
        Assert.Equal(
            Enumerable.Range(0, Large / Every).Select(k => $"intacct.dimensions[UDD{((k + 1) * Every) - 1:D6}].active = false, intacct.dimensions[UDD{((k + 1) * Every) - 1:D6}].exists = true"),
            report.Diagnoses.Select(d => string.Join(", ", d.Causes.Single().Facts)));
    }

    [Fact]
    public void Read_100000DimensionsDocument_IsReadAndClassifiedUnderTheLimitOrRefusedBeforeParsing()
    {
        var bytes = Encoding.UTF8.GetBytes(SyncEvidenceJson.Write(ManyDimensions(Large, Every)));

        if (bytes.Length <= SyncEvidenceJson.DefaultMaxBytes)
        {
            var evidence = SyncEvidenceJson.Read(bytes, "large.json");
            Assert.Equal(Large, evidence.Intacct!.Dimensions!.Count);
            Assert.Equal(Large / Every, ClassifierProperties.Classifier.Classify(evidence).Diagnoses.Count);
        }
        else
        {
            // The stream is refused as soon as it passes the limit: it is never buffered, let alone parsed, whole.
            using var stream = new CountingStream(bytes);
            var ex = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(stream, "large.json"));
            Assert.Contains("larger than 16,777,216 bytes", ex.Message, StringComparison.Ordinal);
            Assert.Contains("large.json", ex.Message, StringComparison.Ordinal);
            Assert.True(stream.BytesRead < bytes.Length, $"read all {bytes.Length:N0} bytes before refusing");
            Assert.True(stream.BytesRead <= SyncEvidenceJson.DefaultMaxBytes + (1 << 20), $"read {stream.BytesRead:N0} bytes before refusing");

            // The same document from memory is refused by its length alone.
            var fromMemory = Assert.Throws<EvidenceFormatException>(() => SyncEvidenceJson.Read(bytes, "large.json"));
            Assert.Contains("larger than", fromMemory.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_100000DimensionsCompactDocument_FitsTheLimitAndClassifies()
    {
        // The same evidence without labels, one line: what a collector that sends only what the job
        // refers to produces. (The worst case, every dimension a possible INT402, is a shape of the
        // tests below.)
        var json = new StringBuilder("{\"schemaVersion\":1,\"operation\":\"sync\",\"intacct\":{\"dimensions\":[");
        for (var i = 0; i < Large; i++)
        {
            json.Append(i == 0 ? string.Empty : ",")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":\"UDD{i:D6}\",\"userDefined\":true,\"exists\":true,\"active\":{(i % Every == Every - 1 ? "false" : "true")},\"configured\":true}}");
        }

        json.Append("]},\"workspace\":{\"coding\":{\"dimensions\":[");
        for (var i = 0; i < Large; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":\"UDD{i:D6}\",\"enabled\":true,\"importAs\":\"tag\"}}");
        }

        json.Append("]}},\"webServicesUser\":{\"objects\":{");
        for (var i = 0; i < Large; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(System.Globalization.CultureInfo.InvariantCulture, $"\"UDD{i:D6}\":[\"list\",\"view\"]");
        }

        json.Append("}}}");
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        Assert.True(bytes.Length <= SyncEvidenceJson.DefaultMaxBytes, $"{bytes.Length:N0} bytes");

        var report = ClassifierProperties.Classifier.Classify(SyncEvidenceJson.Read(bytes, "compact.json"));

        Assert.Equal(Large / Every, report.Diagnoses.Count);
    }

    /// <summary>
    /// The size the doubling tests start from. CI runs a small size so the suite stays quick; set
    /// <c>INTACCTSYNC_SCALE_FULL=1</c> to double 50,000 into 100,000 instead (minutes, not seconds).
    /// </summary>
    private static int DoublingFrom => Full ? Large / 2 : 4_000;

    private static bool Full => Environment.GetEnvironmentVariable("INTACCTSYNC_SCALE_FULL") == "1";

    public static TheoryData<string> Shapes => ["dimensions", "possible dimensions", "accounts", "expenses"];

    /// <summary>
    /// Twice the evidence, holding twice the broken records, allocates at most about twice the bytes: the
    /// work per diagnosis does not grow with the lists its facts cite. "possible dimensions" is the worst
    /// case: a failed sync with unknown rights, where every dimension is a possible INT402 with a full report.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void Classify_TwiceTheEvidence_AllocatesAtMostAboutTwiceTheBytes(string shape)
    {
        var n = DoublingFrom;
        var small = Shape(shape, n);
        var large = Shape(shape, 2 * n);
        var smallReport = ClassifierProperties.Classifier.Classify(Shape(shape, 200));

        var (smallBytes, smallCount) = Allocated(() => ClassifierProperties.Classifier.Classify(small));
        var (largeBytes, largeCount) = Allocated(() => ClassifierProperties.Classifier.Classify(large));

        // The premise: twice the evidence holds twice the problems, each reported.
        Assert.True(smallReport.Diagnoses.Count > 0, $"{shape}: the warm-up evidence found nothing");
        Assert.Equal(2 * smallCount, largeCount);
        Assert.True(
            largeBytes <= smallBytes * 2.2,
            $"{shape}: classifying {2 * n:N0} allocated {largeBytes:N0} bytes, {n:N0} allocated {smallBytes:N0} ({(double)largeBytes / smallBytes:F2}×): work grows faster than the evidence");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Classify_100000Records_ReportsEveryBrokenOneOnce(string shape)
    {
        // 100,000 possible diagnoses, each a full report, take a while: CI writes 10,000 of them.
        var count = shape == "possible dimensions" && !Full ? Large / 10 : Large;

        var report = ClassifierProperties.Classifier.Classify(Shape(shape, count));

        // A report holds at most MaxDiagnoses (the full run's 100,000 possible dimensions): it says how many more there were.
        var broken = Broken(shape, count);
        Assert.Equal(Math.Min(broken, IntacctSync.Rules.Classification.ReportBuilder.MaxDiagnoses), report.Diagnoses.Count);
        Assert.Equal(broken > IntacctSync.Rules.Classification.ReportBuilder.MaxDiagnoses, report.Incomplete.Any(i => i.Contains($"of {broken:N0} diagnoses", StringComparison.Ordinal)));
        Assert.Equal(report.Diagnoses.Count, report.Diagnoses.Select(d => string.Join('|', d.Subject.OrderBy(p => p.Key))).Distinct().Count());
    }

    private static SyncEvidence Shape(string shape, int count) => shape switch
    {
        "dimensions" => ManyDimensions(count, 1_000),
        "possible dimensions" => ManyDimensions(count, count + 1, rights: false),
        "accounts" => ManyAccounts(count, 1_000),
        "expenses" => ManyExpenses(count, 1_000),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
    };

    private static int Broken(string shape, int count) => shape == "possible dimensions" ? count : count / 1_000;

    /// <summary>
    /// <paramref name="count"/> accounts, every <paramref name="brokenEvery"/>-th requiring DEPARTMENT, which
    /// the workspace does not import; one expense line posts to each of those (through a category of its own).
    /// </summary>
    internal static SyncEvidence ManyAccounts(int count, int brokenEvery)
    {
        var accounts = new GlAccount[count];
        var categories = new List<Category>();
        var expenses = new List<Expense>();
        for (var i = 0; i < count; i++)
        {
            var number = "A" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var broken = i % brokenEvery == brokenEvery - 1;
            accounts[i] = new GlAccount { Number = number, Active = true, RequiredDimensions = broken ? ["DEPARTMENT"] : [], Billable = true };
            if (broken)
            {
                categories.Add(new Category { Name = "Cat " + number, Active = true, Synced = true, AccountNumber = number });
                expenses.Add(Line("E" + number, expenses.Count + 1, "Cat " + number));
            }
        }

        return ExportEvidence(accounts, categories, expenses);
    }

    /// <summary>
    /// <paramref name="count"/> expense lines on a healthy category, but every <paramref name="brokenEvery"/>-th
    /// on a category of its own whose account requires DEPARTMENT, which the workspace does not import.
    /// </summary>
    internal static SyncEvidence ManyExpenses(int count, int brokenEvery)
    {
        var accounts = new List<GlAccount> { new() { Number = "6200", Active = true, RequiredDimensions = [], Billable = true } };
        var categories = new List<Category> { new() { Name = "Meals", Active = true, Synced = true, AccountNumber = "6200" } };
        var expenses = new Expense[count];
        for (var i = 0; i < count; i++)
        {
            var id = "E" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var category = "Meals";
            if (i % brokenEvery == brokenEvery - 1)
            {
                var number = "A" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
                category = "Cat " + number;
                accounts.Add(new GlAccount { Number = number, Active = true, RequiredDimensions = ["DEPARTMENT"], Billable = true });
                categories.Add(new Category { Name = category, Active = true, Synced = true, AccountNumber = number });
            }

            expenses[i] = Line(id, i + 1, category);
        }

        return ExportEvidence(accounts, categories, expenses);
    }

    private static Expense Line(string id, int line, string category) => new()
    {
        Id = id,
        Line = line,
        Amount = 10m,
        Currency = "USD",
        Category = category,
        Billable = false,
        Reimbursable = false,
        TaxRate = string.Empty,
        Project = string.Empty,
        Customer = string.Empty,
        Tags = new Dictionary<string, string>(),
    };

    private static SyncEvidence ExportEvidence(IReadOnlyList<GlAccount> accounts, IReadOnlyList<Category> categories, IReadOnlyList<Expense> expenses) => new()
    {
        Operation = SyncOperation.Export,
        Outcome = SyncOutcome.Failed,
        ObservedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        Connection = new Connection { CompanyId = "acme-demo", SenderIdAuthorized = true, CredentialsValid = true, EverSucceeded = true },
        WebServicesUser = new WebServicesUser { UserId = "xmlgateway_expensify", Active = true },
        Intacct = new IntacctCompany
        {
            Dimensions = [new IntacctDimension { Id = "DEPARTMENT", Label = "Department", UserDefined = false, Exists = true, Active = true, Configured = true }],
            Accounts = accounts,
        },
        Workspace = new Workspace
        {
            Name = "Acme US",
            Coding = new CodingSettings
            {
                Dimensions = [new CodingDimension { Id = "DEPARTMENT", Enabled = false, ImportAs = DimensionImport.Tag }],
                Categories = categories,
            },
            Export = new ExportSettings { Reimbursable = ReimbursableExport.ExpenseReport, NonReimbursable = NonReimbursableExport.VendorBill },
        },
        Report = new Report { Id = "R-1001", SubmitterEmail = "ana@acme.example", Expenses = expenses },
    };

    private static (long Bytes, int Diagnoses) Allocated(Func<DiagnosisReport> classify)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = classify();
        var after = GC.GetAllocatedBytesForCurrentThread();
        return (after - before, report.Diagnoses.Count);
    }

    /// <summary>A read-only stream over bytes that counts what was read.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = base.Read(buffer);
            BytesRead += read;
            return read;
        }
    }
}
