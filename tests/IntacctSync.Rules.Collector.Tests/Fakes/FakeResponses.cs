using System.Globalization;
using System.Xml.Linq;

namespace IntacctSync.Rules.Collector.Tests.Fakes;

/// <summary>
/// The fake gateway's answers, shaped after Sage's documented XML responses: a <c>control</c> block, then an
/// <c>operation</c> with its <c>authentication</c> block and one <c>result</c> per function. Error texts are
/// the catalog's (shared/catalog/intacct-api-errors.json) where it has one.
/// </summary>
internal static class FakeResponses
{
    private const string SupportId = "[Support ID: Xy3d1EB030~Z9q2P0o8kZ]";

    public static string Answer(FakeCompany company, XElement request, XElement? function, string sessionId)
    {
        var authentication = request.Element("operation")?.Element("authentication");
        var login = authentication?.Element("login");
        var controlId = (string?)request.Element("operation")?.Element("content")?.Element("function")?.Attribute("controlid") ?? "unknown";
        var entity = (string?)login?.Element("locationid") ?? string.Empty;

        if (login is not null)
        {
            if (!company.SenderAuthorized)
            {
                return SignInFailed(Error("XL03000006", "Invalid Web Services Authorization",
                    $"The sender ID '{FakeCompany.SenderId}' is not authorized to make Web Services requests to company ID '{FakeCompany.CompanyId}'.",
                    "Contact the company administrator to grant Web Services authorization to this sender ID."));
            }

            if ((string?)login.Element("userid") != FakeCompany.UserId || (string?)login.Element("password") != FakeCompany.UserPassword
                || (string?)login.Element("companyid") != FakeCompany.CompanyId)
            {
                return SignInFailed(Error("XL03000006", string.Empty, "Sign-in information is incorrect", string.Empty));
            }

            if (!company.UserActive)
            {
                // Guessed wording: Sage documents no response for an inactive Web Services user.
                return SignInFailed(Error("XL03000006", string.Empty, $"The user {FakeCompany.UserId} is inactive.", "Ask the company administrator to make the user active."));
            }
        }
        else if ((string?)authentication?.Element("sessionid") != sessionId)
        {
            return SignInFailed(Error("XL03000006", string.Empty, "Invalid session", string.Empty));
        }

        var name = function?.Name.LocalName ?? "(none)";
        var objectName = ((string?)function?.Element("object"))?.Trim() ?? string.Empty;
        var result = name switch
        {
            "getAPISession" => Success(name, controlId, new XElement("data", new XElement("api",
                new XElement("sessionid", sessionId),
                new XElement("endpoint", "https://api.intacct.com/ia/xml/xmlgw.phtml"),
                new XElement("locationid", entity)))),
            "getDimensions" => Success(name, controlId, new XElement("data",
                new XAttribute("listtype", "dimensions"), new XAttribute("count", company.Dimensions.Count),
                company.Dimensions.Select(d => new XElement("dimension",
                    new XElement("objectName", d.ObjectName),
                    new XElement("objectLabel", d.Label),
                    new XElement("termLabel", d.Label),
                    new XElement("userDefinedDimension", d.UserDefined ? "true" : "false"),
                    new XElement("enabledInGL", "true"))))),
            "lookup" => Lookup(company, controlId, objectName),
            "readByQuery" => ReadByQuery(company, controlId, objectName, (string?)function?.Element("query") ?? string.Empty),
            "getUserPermissions" => company.PermissionsReadable
                ? Success(name, controlId, new XElement("data", new XElement("permissions",
                    company.Policies.GroupBy(p => p.Application).Select(app => new XElement("appSubscription",
                        new XElement("applicationName", app.Key),
                        new XElement("policies", app.Select(p => new XElement("policy", new XElement("policyName", p.Policy), new XElement("rights", p.Rights)))))))))
                : Failure(name, controlId, Error("PL04000005", string.Empty, $"You do not have permission for API operation GET_USER_PERMISSIONS on objects of type userinfo {SupportId}", string.Empty)),
            _ => Failure(name, controlId, Error("XL03000003", string.Empty, $"XML Parse schema error: the function {name} is not known here", string.Empty)),
        };

        return Envelope(new XElement("authentication",
            new XElement("status", "success"),
            new XElement("userid", FakeCompany.UserId),
            new XElement("companyid", FakeCompany.CompanyId),
            new XElement("locationid", entity),
            new XElement("sessiontimestamp", "2026-12-06T13:00:00+00:00"),
            new XElement("sessiontimeout", "2026-12-07T01:00:00+00:00")), result);
    }

    private static XElement Lookup(FakeCompany company, string controlId, string objectName)
    {
        if (company.Dimension(objectName) is not { } dimension)
        {
            // As the catalog's inspect on an unknown object (intacct-sdk-php ClassObjTest).
            return Failure("lookup", controlId, Error("BL01001973", string.Empty, $"Object type {objectName} not found", string.Empty));
        }

        return Success("lookup", controlId, new XElement("data", new XAttribute("listtype", "All"), new XAttribute("count", 1),
            new XElement("Type", new XAttribute("Name", dimension.ObjectName), new XAttribute("DocumentType", string.Empty),
                new XElement("Fields",
                    new XElement("Field", new XElement("ID", "RECORDNO"), new XElement("LABEL", "Record number"), new XElement("DATATYPE", "INTEGER")),
                    new XElement("Field", new XElement("ID", "ID"), new XElement("LABEL", "ID"), new XElement("DATATYPE", "TEXT")),
                    new XElement("Field", new XElement("ID", "NAME"), new XElement("LABEL", "Name"), new XElement("DATATYPE", "TEXT"))))));
    }

    private static XElement ReadByQuery(FakeCompany company, string controlId, string objectName, string query)
    {
        if (string.Equals(objectName, "USERINFO", StringComparison.OrdinalIgnoreCase))
        {
            var mine = query.Contains($"'{FakeCompany.UserId}'", StringComparison.Ordinal);
            return Success("readByQuery", controlId, new XElement("data",
                new XAttribute("listtype", "userinfo"), new XAttribute("count", mine ? 1 : 0), new XAttribute("totalcount", mine ? 1 : 0), new XAttribute("numremaining", 0), new XAttribute("resultId", string.Empty),
                mine ? new XElement("userinfo",
                    new XElement("LOGINID", FakeCompany.UserId),
                    new XElement("STATUS", company.UserActive ? "active" : "inactive"),
                    new XElement("ADMIN", company.UserAdmin)) : null));
        }

        if (company.Unreadable.Contains(objectName) || company.Records.ContainsKey(objectName))
        {
            return Records(company, controlId, objectName, query);
        }

        if (company.Dimension(objectName) is not { } dimension)
        {
            return Failure("readByQuery", controlId, Error("Query Failed", string.Empty, $"Object definition {objectName} not found", string.Empty));
        }

        if (!dimension.Readable)
        {
            return Failure("readByQuery", controlId, Error("PL04000005", string.Empty,
                $"You do not have permission for API operation READ_BY_QUERY on objects of type {dimension.ObjectName.ToLowerInvariant()} {SupportId}", string.Empty));
        }

        var element = dimension.ObjectName.ToLowerInvariant();
        var returned = Math.Min(1, dimension.Values);
        return Success("readByQuery", controlId, new XElement("data",
            new XAttribute("listtype", element), new XAttribute("count", returned), new XAttribute("totalcount", dimension.Values),
            new XAttribute("numremaining", dimension.Values - returned), new XAttribute("resultId", dimension.Values > 1 ? "7765623330XYZ" : string.Empty),
            Enumerable.Range(1, returned).Select(i => new XElement(element, new XElement("RECORDNO", i.ToString(CultureInfo.InvariantCulture))))));
    }

    /// <summary>readByQuery on a plain object, for the two query forms the collector sends: <c>FIELD = 'v'</c> and <c>FIELD IN ('a','b')</c>.</summary>
    private static XElement Records(FakeCompany company, string controlId, string objectName, string query)
    {
        if (company.Unreadable.Contains(objectName))
        {
            return Failure("readByQuery", controlId, Error("PL04000005", string.Empty,
                $"You do not have permission for API operation READ_BY_QUERY on objects of type {objectName.ToLowerInvariant()} {SupportId}", string.Empty));
        }

        var match = System.Text.RegularExpressions.Regex.Match(query, @"^(?<field>[A-Z0-9_.]+) (?:= '(?<one>(?:[^']|'')*)'|IN \((?<many>.*)\))$");
        if (!match.Success)
        {
            return Failure("readByQuery", controlId, Error("DL02000001", "Error", "There was an error processing the request.", string.Empty));
        }

        var wanted = match.Groups["one"].Success
            ? [match.Groups["one"].Value.Replace("''", "'", StringComparison.Ordinal)]
            : match.Groups["many"].Value.Split(',').Select(v => v.Trim().Trim('\'')).ToList();
        var field = match.Groups["field"].Value;
        var found = company.Records[objectName].Where(r => r.TryGetValue(field, out var v) && wanted.Contains(v, StringComparer.OrdinalIgnoreCase)).ToList();
        var element = objectName.ToLowerInvariant();
        return Success("readByQuery", controlId, new XElement("data",
            new XAttribute("listtype", element), new XAttribute("count", found.Count), new XAttribute("totalcount", found.Count),
            new XAttribute("numremaining", 0), new XAttribute("resultId", string.Empty),
            found.Select(r => new XElement(element, r.Select(f => new XElement(f.Key, f.Value))))));
    }

    public static XElement Error(string errorNo, string description, string? description2, string? correction) =>
        new("error",
            new XElement("errorno", errorNo),
            new XElement("description", description),
            description2 is null ? null : new XElement("description2", description2),
            correction is null ? null : new XElement("correction", correction));

    private static XElement Success(string function, string controlId, XElement data) =>
        new("result", new XElement("status", "success"), new XElement("function", function), new XElement("controlid", controlId), data);

    private static XElement Failure(string function, string controlId, XElement error) =>
        new("result", new XElement("status", "failure"), new XElement("function", function), new XElement("controlid", controlId), new XElement("errormessage", error));

    private static string SignInFailed(XElement error) => Envelope(
        new XElement("authentication", new XElement("status", "failure"), new XElement("userid", FakeCompany.UserId), new XElement("companyid", FakeCompany.CompanyId)),
        new XElement("errormessage", error));

    private static string Envelope(XElement authentication, XElement result) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new XElement("response",
            new XElement("control", new XElement("status", "success"), new XElement("senderid", FakeCompany.SenderId), new XElement("controlid", "collector"), new XElement("uniqueid", "false"), new XElement("dtdversion", "3.0")),
            new XElement("operation", authentication, result)).ToString();
}
