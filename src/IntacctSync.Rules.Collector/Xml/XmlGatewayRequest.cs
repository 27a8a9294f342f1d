using System.Xml.Linq;

namespace IntacctSync.Rules.Collector.Xml;

/// <summary>Builds the gateway's <c>&lt;request&gt;</c> envelope (DTD version 3.0) around one function.</summary>
internal static class XmlGatewayRequest
{
    public static string Build(GatewaySession session, string controlId, XElement call)
    {
        var credentials = session.Credentials;
        XElement authentication = session.SessionId is { } sessionId
            ? new XElement("authentication", new XElement("sessionid", sessionId))
            : new XElement("authentication", new XElement("login",
                new XElement("userid", credentials.UserId),
                new XElement("companyid", credentials.CompanyId),
                new XElement("password", credentials.UserPassword),
                string.IsNullOrEmpty(session.EntityId) ? null : new XElement("locationid", session.EntityId)));

        var request = new XElement("request",
            new XElement("control",
                new XElement("senderid", credentials.SenderId),
                new XElement("password", credentials.SenderPassword),
                new XElement("controlid", controlId),
                new XElement("uniqueid", "false"),
                new XElement("dtdversion", "3.0"),
                new XElement("includewhitespace", "false")),
            new XElement("operation",
                authentication,
                new XElement("content", new XElement("function", new XAttribute("controlid", controlId), call))));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + request.ToString(SaveOptions.DisableFormatting);
    }
}
