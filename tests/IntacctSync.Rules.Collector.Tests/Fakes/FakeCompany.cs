namespace IntacctSync.Rules.Collector.Tests.Fakes;

/// <summary>What the fake gateway's company looks like and how the gateway misbehaves: one scenario.</summary>
public sealed class FakeCompany
{
    public const string SenderId = "expensify_sender";
    public const string SenderPassword = "Snd-pw-7Kq!x2";
    public const string CompanyId = "acme-demo";
    public const string UserId = "xmlgateway_expensify";
    public const string UserPassword = "Usr-pw-9Zr#m4";

    /// <summary>Whether the company lists the sender id among its Web Services authorizations.</summary>
    public bool SenderAuthorized { get; set; } = true;

    /// <summary>The user's status in USERINFO; an inactive user cannot sign in.</summary>
    public bool UserActive { get; set; } = true;

    /// <summary>USERINFO's ADMIN field.</summary>
    public string UserAdmin { get; set; } = "Off";

    /// <summary>The company's dimensions, as getDimensions lists them.</summary>
    public List<FakeDimension> Dimensions { get; } =
    [
        new("DEPARTMENT", "Department", userDefined: false, values: 14),
        new("LOCATION", "Location", userDefined: false, values: 3),
        new("COSTCENTER", "Cost Center", userDefined: true, values: 6),
    ];

    /// <summary>Whether getUserPermissions answers; when not, it is refused for want of permission.</summary>
    public bool PermissionsReadable { get; set; } = true;

    /// <summary>getUserPermissions' answer: application, policy, rights (<c>List|View</c>).</summary>
    public List<(string Application, string Policy, string Rights)> Policies { get; } =
    [
        ("Company", "Departments", "List|View"),
        ("General Ledger", "Accounts", "List|View|Add|Edit"),
        ("Platform Services", "Cost Center", "List|View"),
    ];

    /// <summary>Records of the other objects readByQuery reads, by object name: each a list of field name to value.</summary>
    public Dictionary<string, List<Dictionary<string, string>>> Records { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EMPLOYEE"] =
        [
            new() { ["EMPLOYEEID"] = "E-100", ["PERSONALINFO.EMAIL1"] = "pat@acme.test", ["LOCATIONID"] = "US01", ["STATUS"] = "active" },
            new() { ["EMPLOYEEID"] = "E-200", ["PERSONALINFO.EMAIL1"] = "sam@acme.test", ["LOCATIONID"] = "US01", ["STATUS"] = "active" },
        ],
        ["VENDOR"] =
        [
            new() { ["VENDORID"] = "V-100", ["DISPLAYCONTACT.EMAIL1"] = "pat@acme.test", ["STATUS"] = "active", ["ONHOLD"] = "true" },
        ],
        ["PROJECT"] =
        [
            new() { ["PROJECTID"] = "P-1", ["CUSTOMERID"] = "C-1", ["STATUS"] = "inactive" },
            new() { ["PROJECTID"] = "P-2", ["CUSTOMERID"] = "C-2", ["STATUS"] = "active" },
        ],
        ["GLACCOUNT"] =
        [
            new() { ["ACCOUNTNO"] = "6000", ["STATUS"] = "active" },
            new() { ["ACCOUNTNO"] = "6100", ["STATUS"] = "inactive" },
        ],
    };

    /// <summary>Objects whose readByQuery is refused for want of permission.</summary>
    public HashSet<string> Unreadable { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first this many requests get HTTP 429 with GW-0010.</summary>
    public int RateLimitedRequests { get; set; }

    /// <summary>Every request gets an HTML 503 page, as a load balancer sends during an outage.</summary>
    public bool Down { get; set; }

    /// <summary>Every response waits this long.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The response to this function is cut off half way.</summary>
    public string? CutOffFunction { get; set; }

    public FakeDimension? Dimension(string objectName) =>
        Dimensions.Find(d => string.Equals(d.ObjectName, objectName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One dimension of the fake company.</summary>
public sealed class FakeDimension(string objectName, string label, bool userDefined, int values)
{
    public string ObjectName { get; } = objectName;

    public string Label { get; } = label;

    public bool UserDefined { get; } = userDefined;

    public int Values { get; set; } = values;

    /// <summary>Whether the Web Services user may list the dimension's object.</summary>
    public bool Readable { get; set; } = true;
}
