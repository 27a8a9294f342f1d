using System.Xml.Linq;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Collector;

internal sealed partial class Collection
{
    private bool? _userAdmin;
    private Dictionary<string, IReadOnlyList<ObjectRight>>? _objects;
    private Dictionary<string, ModuleAccess>? _modules;

    /// <summary>The Web Services user's record (<c>USERINFO</c>): active, administrator.</summary>
    private async Task ReadUserAsync(CancellationToken cancellationToken)
    {
        var call = ReadByQuery("USERINFO", "LOGINID,STATUS,ADMIN", "LOGINID = " + Quote(credentials.UserId), 1);
        var reply = await ProbeAsync("readByQuery", "USERINFO", call, cancellationToken).ConfigureAwait(false);
        var record = reply is { Succeeded: true } ? reply.Data?.Elements().FirstOrDefault() : null;
        if (record is null)
        {
            return;
        }

        var status = NullIfBlank((string?)record.Element("STATUS"))?.ToUpperInvariant();
        _userActive = status switch
        {
            null => _userActive,
            "ACTIVE" or "T" => true,
            _ => false,
        };
        _userAdmin = NullIfBlank((string?)record.Element("ADMIN"))?.ToUpperInvariant() switch
        {
            null => null,
            "OFF" or "FALSE" or "F" => false,
            _ => true,
        };
    }

    /// <summary>
    /// <c>getUserPermissions</c>: the user's rights per application and policy. A policy is taken as a dimension's
    /// object rights only when its name is the dimension's object name or label; other objects stay unobserved.
    /// </summary>
    private async Task ReadPermissionsAsync(CancellationToken cancellationToken)
    {
        var call = new XElement("getUserPermissions", new XElement("userId", credentials.UserId));
        var reply = await ProbeAsync("getUserPermissions", "USERINFO", call, cancellationToken).ConfigureAwait(false);
        if (reply is not { Succeeded: true, Data: { } data })
        {
            return;
        }

        _objects = new Dictionary<string, IReadOnlyList<ObjectRight>>(StringComparer.OrdinalIgnoreCase);
        _modules = [];
        foreach (var application in data.Descendants("appSubscription"))
        {
            var module = ModuleKey((string?)application.Element("applicationName"));
            var level = ModuleAccess.None;
            foreach (var policy in application.Descendants("policy"))
            {
                var rights = Rights((string?)policy.Element("rights"));
                level = Max(level, rights.Any(r => r is ObjectRight.Add or ObjectRight.Edit or ObjectRight.Delete) ? ModuleAccess.All
                    : rights.Count > 0 ? ModuleAccess.ReadOnly : ModuleAccess.None);
                var name = NullIfBlank((string?)policy.Element("policyName"));
                var dimension = name is null ? null : _dimensions?.Find(d =>
                    string.Equals(d.Id, name, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Label, name, StringComparison.OrdinalIgnoreCase));
                if (dimension?.Id is { } id)
                {
                    _objects[id] = rights;
                }
            }

            if (module is not null)
            {
                _modules[module] = _modules.TryGetValue(module, out var known) ? Max(known, level) : level;
            }
        }
    }

    private static ModuleAccess Max(ModuleAccess a, ModuleAccess b) => a > b ? a : b;

    private static List<ObjectRight> Rights(string? text) =>
        [.. (text ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToUpperInvariant() switch
            {
                "LIST" => ObjectRight.List,
                "VIEW" or "READONLY" => ObjectRight.View,
                "ADD" => ObjectRight.Add,
                "EDIT" => ObjectRight.Edit,
                "DELETE" => ObjectRight.Delete,
                _ => ObjectRight.Unset,
            })
            .Where(r => r != ObjectRight.Unset)
            .Distinct()];

    private static string? ModuleKey(string? application) => NullIfBlank(application)?.ToUpperInvariant() switch
    {
        "ADMINISTRATION" => "administration",
        "COMPANY" => "company",
        "GENERAL LEDGER" => "generalLedger",
        "ACCOUNTS PAYABLE" => "accountsPayable",
        "ACCOUNTS RECEIVABLE" => "accountsReceivable",
        "CASH MANAGEMENT" => "cashManagement",
        "TIME & EXPENSES" or "TIME AND EXPENSES" => "timeAndExpenses",
        "PROJECTS" => "projects",
        "PLATFORM SERVICES" => "platformServices",
        "PURCHASING" => "purchasing",
        "INVENTORY CONTROL" => "inventoryControl",
        "ORDER ENTRY" => "orderEntry",
        _ => null,
    };

    private WebServicesUser BuildUser() => new()
    {
        UserId = credentials.UserId,
        Active = _userActive,
        Admin = _userAdmin,
        Objects = _objects is { Count: > 0 } ? _objects : null,
        Modules = _modules is { Count: > 0 } modules ? new ModuleRights
        {
            Administration = modules.TryGetValue("administration", out var a) ? a : null,
            Company = modules.TryGetValue("company", out var c) ? c : null,
            GeneralLedger = modules.TryGetValue("generalLedger", out var gl) ? gl : null,
            AccountsPayable = modules.TryGetValue("accountsPayable", out var ap) ? ap : null,
            AccountsReceivable = modules.TryGetValue("accountsReceivable", out var ar) ? ar : null,
            CashManagement = modules.TryGetValue("cashManagement", out var cm) ? cm : null,
            TimeAndExpenses = modules.TryGetValue("timeAndExpenses", out var te) ? te : null,
            Projects = modules.TryGetValue("projects", out var pj) ? pj : null,
            PlatformServices = modules.TryGetValue("platformServices", out var ps) ? ps : null,
            Purchasing = modules.TryGetValue("purchasing", out var pu) ? pu : null,
            InventoryControl = modules.TryGetValue("inventoryControl", out var ic) ? ic : null,
            OrderEntry = modules.TryGetValue("orderEntry", out var oe) ? oe : null,
        } : null,
    };
}
