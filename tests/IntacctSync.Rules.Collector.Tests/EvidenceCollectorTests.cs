using IntacctSync.Rules.Collector.Tests.Fakes;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Intacct;

namespace IntacctSync.Rules.Collector.Tests;

/// <summary>The collector against the fake gateway in memory, one scenario per test.</summary>
public sealed class EvidenceCollectorTests
{
    private static readonly HashSet<string> ReadFunctions = ["getAPISession", "getDimensions", "lookup", "inspect", "readByQuery", "query", "getUserPermissions"];

    [Fact]
    public async Task CollectAsync_HealthyCompany_ReadsEveryProbe()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());

        var evidence = await harness.CollectAsync();

        var connection = evidence.Connection!;
        Assert.Equal(FakeCompany.CompanyId, connection.CompanyId);
        Assert.Equal(string.Empty, connection.EntityId);
        Assert.True(connection.SenderIdAuthorized);
        Assert.True(connection.CredentialsValid);
        Assert.True(connection.SessionStarted);
        Assert.False(connection.PasswordExpired);
        Assert.Null(connection.SyncLevel);
        Assert.Null(connection.MultiEntity);
        Assert.Null(connection.ConfigurationValid);
        Assert.Null(connection.EverSucceeded);

        var user = evidence.WebServicesUser!;
        Assert.Equal(FakeCompany.UserId, user.UserId);
        Assert.True(user.Active);
        Assert.False(user.Admin);
        Assert.Null(user.PermissionModel);
        Assert.Null(user.CanPostToClosedPeriods);
        Assert.Equal([ObjectRight.List, ObjectRight.View], user.Objects!["COSTCENTER"]);
        Assert.Single(user.Objects);
        Assert.Equal(ModuleAccess.ReadOnly, user.Modules!.Company);
        Assert.Equal(ModuleAccess.All, user.Modules.GeneralLedger);
        Assert.Equal(ModuleAccess.ReadOnly, user.Modules.PlatformServices);
        Assert.Null(user.Modules.AccountsPayable);

        var dimensions = evidence.Intacct!.Dimensions!;
        Assert.Equal(["DEPARTMENT", "LOCATION", "COSTCENTER"], dimensions.Select(d => d.Id));
        var costCenter = dimensions[2];
        Assert.Equal("Cost Center", costCenter.Label);
        Assert.True(costCenter.UserDefined);
        Assert.True(costCenter.Exists);
        Assert.Equal(6, costCenter.ValuesReturned);
        Assert.Null(costCenter.Active);
        Assert.Null(costCenter.Configured);
        Assert.Null(costCenter.Values);
        Assert.False(dimensions[0].UserDefined);
        Assert.Null(dimensions[0].ValuesReturned);
        Assert.Null(evidence.Intacct.Periods);
        Assert.Null(evidence.Intacct.Employees);

        Assert.Empty(evidence.ApiErrors!);
        Assert.Null(evidence.Workspace);
        Assert.Null(evidence.Operation);
        AssertReadOnly(harness.Gateway);
        Assert.Equal(["getAPISession", "getDimensions", "lookup", "readByQuery", "readByQuery", "getUserPermissions"], harness.Gateway.Functions);
    }

    [Fact]
    public async Task CollectAsync_UserMayNotReadUdd_LeavesItsValuesAbsentAndKeepsTheRefusal()
    {
        var company = new FakeCompany();
        company.Dimension("COSTCENTER")!.Readable = false;
        company.Policies.RemoveAll(p => p.Policy == "Cost Center");
        await using var harness = await CollectorHarness.StartAsync(company);

        var evidence = await harness.CollectAsync();

        var costCenter = evidence.Intacct!.Dimensions!.Single(d => d.Id == "COSTCENTER");
        Assert.True(costCenter.Exists);
        Assert.Null(costCenter.ValuesReturned);
        Assert.False(evidence.WebServicesUser!.Objects?.ContainsKey("COSTCENTER") ?? false);
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.Equal("readByQuery", error.Function);
        Assert.Equal("COSTCENTER", error.Object);
        Assert.Equal("PL04000005", error.ErrorNo);
        Assert.Equal(ApiErrorLevel.Result, error.Level);
        Assert.StartsWith("You do not have permission for API operation READ_BY_QUERY on objects of type costcenter", error.Description2, StringComparison.Ordinal);
        AssertReadOnly(harness.Gateway);
    }

    [Fact]
    public async Task CollectAsync_UddUnknownToTheCompany_ListsNoSuchDimensionAndKeepsNotFound()
    {
        var company = new FakeCompany();
        company.Dimensions.RemoveAll(d => d.ObjectName == "COSTCENTER");
        await using var harness = await CollectorHarness.StartAsync(company);
        var options = new CollectOptions();
        options.DimensionIds.Add("costcenter");

        var evidence = await harness.CollectAsync(options);

        Assert.DoesNotContain(evidence.Intacct!.Dimensions!, d => d.Id == "COSTCENTER");
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.Equal("lookup", error.Function);
        Assert.Equal("COSTCENTER", error.Object);
        Assert.Equal("Object type COSTCENTER not found", error.Description2);
        Assert.DoesNotContain("readByQuery COSTCENTER", harness.Gateway.Bodies.Select(b => b.Contains("<readByQuery><object>COSTCENTER", StringComparison.Ordinal) ? "readByQuery COSTCENTER" : b));
        AssertReadOnly(harness.Gateway);
    }

    [Fact]
    public async Task CollectAsync_UddWithoutValues_ReportsZeroValuesReturned()
    {
        var company = new FakeCompany();
        company.Dimension("COSTCENTER")!.Values = 0;
        await using var harness = await CollectorHarness.StartAsync(company);

        var evidence = await harness.CollectAsync();

        Assert.Equal(0, evidence.Intacct!.Dimensions!.Single(d => d.Id == "COSTCENTER").ValuesReturned);
        Assert.Empty(evidence.ApiErrors!);
    }

    [Fact]
    public async Task CollectAsync_SenderNotAuthorized_SaysSoAndReadsNothingElse()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { SenderAuthorized = false });

        var evidence = await harness.CollectAsync();

        Assert.False(evidence.Connection!.SenderIdAuthorized);
        Assert.False(evidence.Connection.SessionStarted);
        Assert.Null(evidence.Connection.CredentialsValid);
        Assert.Null(evidence.Connection.CompanyId);
        Assert.Null(evidence.WebServicesUser!.Active);
        Assert.Null(evidence.Intacct);
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.Equal(ApiErrorLevel.Authentication, error.Level);
        Assert.Equal("getAPISession", error.Function);
        Assert.Equal(["getAPISession"], harness.Gateway.Functions);
    }

    [Fact]
    public async Task CollectAsync_WrongPassword_CredentialsInvalidOnly()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());

        var evidence = await harness.CollectAsync(credentials: CollectorHarness.Credentials(userPassword: "not-the-password"));

        Assert.False(evidence.Connection!.CredentialsValid);
        Assert.False(evidence.Connection.SessionStarted);
        Assert.Null(evidence.Connection.SenderIdAuthorized);
        Assert.Null(evidence.Connection.PasswordExpired);
        Assert.Null(evidence.WebServicesUser!.Active);
        Assert.Equal("Sign-in information is incorrect", Assert.Single(evidence.ApiErrors!).Description2);
        Assert.Equal(["getAPISession"], harness.Gateway.Functions);
    }

    [Fact]
    public async Task CollectAsync_InactiveUser_UserInactiveCredentialsUnknown()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { UserActive = false });

        var evidence = await harness.CollectAsync();

        Assert.False(evidence.WebServicesUser!.Active);
        Assert.Null(evidence.Connection!.CredentialsValid);
        Assert.False(evidence.Connection.SessionStarted);
        Assert.Null(evidence.Intacct);
    }

    [Fact]
    public async Task CollectAsync_PermissionsRefused_LeavesRightsAbsentAndReadsTheRest()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { PermissionsReadable = false });

        var evidence = await harness.CollectAsync();

        Assert.Null(evidence.WebServicesUser!.Objects);
        Assert.Null(evidence.WebServicesUser.Modules);
        Assert.True(evidence.WebServicesUser.Active);
        Assert.Equal(6, evidence.Intacct!.Dimensions!.Single(d => d.Id == "COSTCENTER").ValuesReturned);
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.Equal("getUserPermissions", error.Function);
        Assert.Equal("USERINFO", error.Object);
    }

    [Fact]
    public async Task CollectAsync_RateLimitedThenFine_RetriesAndCollectsEverything()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { RateLimitedRequests = 2 });

        var evidence = await harness.CollectAsync();

        Assert.True(evidence.Connection!.SessionStarted);
        Assert.Equal(6, evidence.Intacct!.Dimensions!.Single(d => d.Id == "COSTCENTER").ValuesReturned);
        Assert.Empty(evidence.ApiErrors!);
        Assert.Equal(6 + 2, harness.Gateway.Requests);
    }

    [Fact]
    public async Task CollectAsync_RateLimitedBeyondRetries_KeepsGw0010AndClaimsNothingOfTheSignIn()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { RateLimitedRequests = 100 }, o => o.MaxRetryAttempts = 1);

        var evidence = await harness.CollectAsync();

        var error = Assert.Single(evidence.ApiErrors!);
        Assert.Equal("GW-0010", error.ErrorNo);
        Assert.Equal(429, error.HttpStatus);
        Assert.Equal("getAPISession", error.Function);
        Assert.Null(evidence.Connection);
        Assert.Null(evidence.WebServicesUser!.Active);
        Assert.Equal(2, harness.Gateway.Requests);
    }

    [Fact]
    public async Task CollectAsync_GatewayDown_IsIntacctUnavailableWithEveryFactAbsent()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { Down = true }, o => o.MaxRetryAttempts = 2);

        var evidence = await harness.CollectAsync();

        var error = Assert.Single(evidence.ApiErrors!);
        Assert.True(IntacctResponseReader.IsUnavailable(error));
        Assert.Equal("getAPISession", error.Function);
        Assert.Null(evidence.Connection);
        Assert.Null(evidence.Intacct);
        Assert.Null(evidence.WebServicesUser!.Active);
        Assert.Equal(3, harness.Gateway.Requests);
    }

    [Fact]
    public async Task CollectAsync_SlowGateway_TimesOutAsUnavailable()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { Delay = TimeSpan.FromSeconds(20) }, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(5);
            o.MaxRetryAttempts = 1;
        });

        var started = DateTime.UtcNow;
        var evidence = await harness.CollectAsync();

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.True(IntacctResponseReader.IsUnavailable(error));
        Assert.Contains("did not answer", error.Description, StringComparison.Ordinal);
        Assert.Null(evidence.Connection);
    }

    [Fact]
    public async Task CollectAsync_ResponseCutOff_IsUnavailableAndStops()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany { CutOffFunction = "getDimensions" });

        var evidence = await harness.CollectAsync();

        Assert.True(evidence.Connection!.SessionStarted);
        Assert.Null(evidence.Intacct);
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.True(IntacctResponseReader.IsUnavailable(error));
        Assert.Equal("getDimensions", error.Function);
        Assert.Equal(["getAPISession", "getDimensions"], harness.Gateway.Functions);
        Assert.Null(evidence.WebServicesUser!.Admin);
    }

    [Fact]
    public async Task CollectAsync_EntityGiven_SignsInToIt()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());

        var evidence = await harness.CollectAsync(new CollectOptions { EntityId = "US01" });

        Assert.Equal("US01", evidence.Connection!.EntityId);
        Assert.Contains("<locationid>US01</locationid>", harness.Gateway.Bodies.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CollectAsync_Progress_ReportsEachProbe()
    {
        var company = new FakeCompany();
        company.Dimension("COSTCENTER")!.Readable = false;
        await using var harness = await CollectorHarness.StartAsync(company);
        var seen = new List<string>();

        await harness.CollectAsync(new CollectOptions { Progress = new SynchronousProgress(p => seen.Add(p.ToString())) });

        Assert.Equal(
            ["getAPISession: answered", "getDimensions: answered", "lookup COSTCENTER: answered", "readByQuery COSTCENTER: refused", "readByQuery USERINFO: answered", "getUserPermissions USERINFO: answered"],
            seen);
    }

    [Fact]
    public async Task CollectAsync_PasswordsAndSession_NeverInLogsOrEvidence()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());

        var healthy = SyncEvidenceJson.Write(await harness.CollectAsync());
        var refused = SyncEvidenceJson.Write(await harness.CollectAsync(credentials: CollectorHarness.Credentials(userPassword: "Wr0ng-pw-5Tt$")));

        Assert.Contains(harness.Gateway.Bodies, b => b.Contains(FakeCompany.UserPassword, StringComparison.Ordinal));
        Assert.Contains(harness.Gateway.Bodies, b => b.Contains("<sessionid>" + harness.Gateway.SessionId + "</sessionid>", StringComparison.Ordinal));
        Assert.NotEmpty(harness.LogLines);
        foreach (var secret in new[] { FakeCompany.SenderPassword, FakeCompany.UserPassword, "Wr0ng-pw-5Tt$", harness.Gateway.SessionId })
        {
            Assert.DoesNotContain(secret, healthy, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, refused, StringComparison.Ordinal);
            Assert.DoesNotContain(harness.LogLines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, CollectorHarness.Credentials().ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CollectAsync_MissingCredentials_NamesEveryOne()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());
        var credentials = new IntacctCredentials { SenderId = "s", SenderPassword = " ", CompanyId = "c", UserId = "", UserPassword = "p" };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => harness.CollectAsync(credentials: credentials));

        Assert.Contains("SenderPassword, UserId", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Gateway.Requests);
    }

    [Fact]
    public async Task CollectAsync_Cancelled_Throws()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Collector.CollectAsync(CollectorHarness.Credentials(), null, cancelled.Token));
    }

    [Fact]
    public async Task CollectAsync_Report_ReadsItsSubmitterProjectsAndAccounts()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());
        var options = new CollectOptions
        {
            Report = new Report
            {
                SubmitterEmail = "pat@acme.test",
                Expenses = [new Expense { Project = "P-1" }, new Expense { Project = "P-9" }, new Expense { Project = "p-1" }, new Expense()],
            },
        };
        options.AccountNumbers.Add("6100");
        options.AccountNumbers.Add("7777");

        var evidence = await harness.CollectAsync(options);

        var intacct = evidence.Intacct!;
        var employee = Assert.Single(intacct.Employees!);
        Assert.Equal("E-100", employee.Id);
        Assert.Equal("pat@acme.test", employee.Email);
        Assert.Equal("US01", employee.LocationId);
        Assert.True(employee.Active);
        Assert.Null(employee.ManagerHasActiveUser);
        var vendor = Assert.Single(intacct.Vendors!);
        Assert.Equal("V-100", vendor.Id);
        Assert.True(vendor.OnHold);
        var project = Assert.Single(intacct.Projects!);
        Assert.Equal("P-1", project.Id);
        Assert.Equal("C-1", project.CustomerId);
        Assert.False(project.Active);
        Assert.Null(project.ResourceEmployeeIds);
        var account = Assert.Single(intacct.Accounts!);
        Assert.Equal("6100", account.Number);
        Assert.False(account.Active);
        Assert.Null(account.RequiredDimensions);
        Assert.Null(account.Billable);
        Assert.Contains(harness.Gateway.Bodies, b => b.Contains("<query>PROJECTID IN ('P-1','P-9')</query>", StringComparison.Ordinal));
        Assert.Empty(evidence.ApiErrors!);
        AssertReadOnly(harness.Gateway);
    }

    [Fact]
    public async Task CollectAsync_NoReport_ReadsNoRecordsAndLeavesTheirListsAbsent()
    {
        await using var harness = await CollectorHarness.StartAsync(new FakeCompany());

        var evidence = await harness.CollectAsync();

        Assert.Null(evidence.Intacct!.Employees);
        Assert.Null(evidence.Intacct.Vendors);
        Assert.Null(evidence.Intacct.Projects);
        Assert.Null(evidence.Intacct.Accounts);
        Assert.DoesNotContain(harness.Gateway.Bodies, b => b.Contains("<object>EMPLOYEE</object>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CollectAsync_VendorsRefused_LeavesVendorsAbsentAndKeepsTheRefusal()
    {
        var company = new FakeCompany();
        company.Unreadable.Add("VENDOR");
        await using var harness = await CollectorHarness.StartAsync(company);

        var evidence = await harness.CollectAsync(new CollectOptions { Report = new Report { SubmitterEmail = "pat@acme.test" } });

        Assert.Null(evidence.Intacct!.Vendors);
        Assert.Single(evidence.Intacct.Employees!);
        var error = Assert.Single(evidence.ApiErrors!);
        Assert.Equal("VENDOR", error.Object);
        Assert.Equal("readByQuery", error.Function);
    }

    private static void AssertReadOnly(FakeIntacctGateway gateway)
    {
        Assert.NotEmpty(gateway.Functions);
        Assert.All(gateway.Functions, f => Assert.Contains(f, ReadFunctions));
    }

    private sealed class SynchronousProgress(Action<ProbeProgress> report) : IProgress<ProbeProgress>
    {
        public void Report(ProbeProgress value) => report(value);
    }
}
