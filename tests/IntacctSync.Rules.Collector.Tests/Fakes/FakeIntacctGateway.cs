using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntacctSync.Rules.Collector.Tests.Fakes;

/// <summary>
/// A fake Sage Intacct XML gateway: answers the read functions the collector sends the way the gateway does
/// (response shapes after Sage's documented responses and the catalog's captured errors), for one
/// <see cref="FakeCompany"/>, and records every function it was asked to run.
/// </summary>
public sealed class FakeIntacctGateway : IAsyncDisposable
{
    public const string Path = "/ia/xml/xmlgw.phtml";

    private readonly WebApplication _app;
    private readonly string _sessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private int _requests;

    private FakeIntacctGateway(FakeCompany company, bool kestrel)
    {
        Company = company;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public FakeCompany Company { get; }

    /// <summary>The session id getAPISession hands out: a secret, like the passwords.</summary>
    public string SessionId => _sessionId;

    /// <summary>Every function element received, by name (<c>readByQuery</c>), in order.</summary>
    public ConcurrentQueue<string> Functions { get; } = new();

    /// <summary>Every request body received, as sent.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>How many HTTP requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The gateway's address (Kestrel), or a made-up one for the in-memory server.</summary>
    public Uri Endpoint { get; private set; } = new("http://intacct.fake" + Path);

    public static async Task<FakeIntacctGateway> StartInMemoryAsync(FakeCompany company)
    {
        var gateway = new FakeIntacctGateway(company, kestrel: false);
        await gateway._app.StartAsync();
        return gateway;
    }

    public static async Task<FakeIntacctGateway> StartOnLoopbackAsync(FakeCompany company)
    {
        var gateway = new FakeIntacctGateway(company, kestrel: true);
        await gateway._app.StartAsync();
        var address = gateway._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Endpoint = new Uri(address.TrimEnd('/') + Path);
        return gateway;
    }

    /// <summary>A handler that reaches the in-memory server.</summary>
    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (Company.Delay > TimeSpan.Zero)
        {
            await Task.Delay(Company.Delay, context.RequestAborted);
        }

        if (Company.Down)
        {
            await WriteAsync(context, 503, "text/html", "<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p></body></html>");
            return;
        }

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        Bodies.Enqueue(body);
        var request = XDocument.Parse(body).Root!;
        var function = request.Element("operation")?.Element("content")?.Element("function")?.Elements().FirstOrDefault();
        Functions.Enqueue(function?.Name.LocalName ?? "(none)");

        if (Volatile.Read(ref _requests) <= Company.RateLimitedRequests)
        {
            await WriteAsync(context, 429, "text/xml", Control("failure", "GW-0010", "API rate limit exceeded", null));
            return;
        }

        var control = request.Element("control")!;
        if ((string?)control.Element("senderid") != FakeCompany.SenderId || (string?)control.Element("password") != FakeCompany.SenderPassword)
        {
            await WriteAsync(context, 200, "text/xml", Control("failure", "XL03000006", string.Empty, "Incorrect Intacct XML Partner ID or password."));
            return;
        }

        var response = FakeResponses.Answer(Company, request, function, _sessionId);
        if (function is not null && function.Name.LocalName == Company.CutOffFunction)
        {
            // Written without a length, as a proxy that drops the connection half way leaves it.
            response = response[..(response.Length / 2)];
        }

        await WriteAsync(context, 200, "text/xml", response);
    }

    private static string Control(string status, string errorNo, string description, string? description2) =>
        new XElement("response",
            new XElement("control", new XElement("status", status), new XElement("senderid", FakeCompany.SenderId), new XElement("controlid", "unknown"), new XElement("uniqueid", "false"), new XElement("dtdversion", "3.0")),
            new XElement("errormessage", FakeResponses.Error(errorNo, description, description2, null))).ToString();

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType + "; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
