using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using DataHub.Connectors.Soap;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataHub.AgencySimulator;

/// <summary>
/// Kestrel on loopback serving the sample agencies the way provincial systems do:
/// <list type="bullet">
/// <item><c>POST /oauth/token</c> — client credentials for the civil-status API;</item>
/// <item><c>GET /civil-status/api/v1/ket-qua?since=&amp;limit=&amp;pageToken=</c> — Bearer token, token paging;</item>
/// <item><c>GET /business-registration/api/ho-kinh-doanh?tuNgay=&amp;offset=&amp;limit=</c> — X-Api-Key, offset paging;</item>
/// <item><c>POST /land-registry/soap</c> — SOAP 1.1 LayDanhSachGCN with a WS-Security UsernameToken;</item>
/// <item><c>/_sim/stats</c>, <c>/_sim/mutate?agency=&amp;count=</c>, <c>/_sim/down?agency=&amp;on=</c> — control (never faulty).</item>
/// </list>
/// Faults (latency, 500/503, 429 + Retry-After, resets, hangs, truncated bodies, down) are injected in
/// front of every agency route, the token endpoint included.
/// </summary>
public sealed class AgencySimulatorServer : IAsyncDisposable
{
    public const string SoapNamespace = "urn:quangnam:stnmt:gcn:v1";
    private readonly WebApplication _app;
    private readonly SimulatorOptions _options;
    private int _mutationSeed;

    private AgencySimulatorServer(WebApplication app, SimulatorOptions options, Dictionary<string, SimulatedAgency> agencies)
    {
        _app = app;
        _options = options;
        Agencies = agencies;
        Faults = new FaultPlan(options);
        Tokens = new TokenIssuer(options.TokenLifetimeSeconds);
        _mutationSeed = options.Seed;
    }

    public IReadOnlyDictionary<string, SimulatedAgency> Agencies { get; }
    public FaultPlan Faults { get; }
    public TokenIssuer Tokens { get; }
    /// <summary>The address Kestrel actually bound (the free port when asked for port 0), without a trailing slash.</summary>
    public string BaseAddress { get; private set; } = "";

    public static async Task<AgencySimulatorServer> StartAsync(SimulatorOptions options, CancellationToken ct = default)
    {
        var uri = new Uri(options.Url);
        if (!IPAddress.TryParse(uri.Host, out var ip) ? uri.Host != "localhost" : !IPAddress.IsLoopback(ip))
            throw new ArgumentException($"the agency simulator listens on loopback only (127.0.0.1), not {uri.Host}");
        if (!Directory.Exists(options.SamplesFolder))
            throw new DirectoryNotFoundException($"samples folder {options.SamplesFolder} does not exist (run ./datahub samples first)");
        var agencies = SampleExports.Load(options.SamplesFolder);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, PassiveLifetime>();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MinResponseDataRate = null);
        var app = builder.Build();
        var server = new AgencySimulatorServer(app, options, agencies);
        server.Map(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return server;
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public IReadOnlyList<string> Mutate(string agency, int count) =>
        Agencies.TryGetValue(agency, out var a) ? a.Mutate(count, Interlocked.Increment(ref _mutationSeed)) : throw new ArgumentException($"no simulated agency '{agency}'");

    private void Map(WebApplication app)
    {
        app.Use(InjectFaults);
        app.MapPost("/oauth/token", Token);
        app.MapGet("/civil-status/api/v1/ket-qua", CivilStatus);
        app.MapGet("/business-registration/api/ho-kinh-doanh", Business);
        app.MapPost("/land-registry/soap", LandRegistry);
        app.MapGet("/_sim/stats", () => Results.Json(Agencies.ToDictionary(a => a.Key, a => new
        {
            records = a.Value.Count, requests = a.Value.Stats.Requests, served = a.Value.Stats.Served,
            faults = a.Value.Stats.Faults.ToDictionary(f => f.Key.ToString(), f => f.Value),
        })));
        app.MapPost("/_sim/mutate", (string agency, int? count) => Results.Json(new { ids = Mutate(agency, count ?? 1) }));
        app.MapPost("/_sim/down", (string agency, bool? on) => { Faults.SetDown(agency, on ?? true); return Results.Ok(); });
    }

    private async Task InjectFaults(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        var agencyName = path.StartsWith("/oauth/", StringComparison.Ordinal) ? SampleExports.CivilStatus : path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (!Agencies.TryGetValue(agencyName, out var agency))
        {
            await next(context);
            return;
        }
        agency.Stats.Arrived(DateTimeOffset.UtcNow);
        var ct = context.RequestAborted;
        if (_options.LatencyMs > 0) await Task.Delay(_options.LatencyMs, ct);
        if (Faults.IsDown(agencyName))
        {
            await Error(context, 503, "hệ thống đang bảo trì (agency system down)");
            return;
        }
        var fault = Faults.Next(agencyName);
        if (fault is { } f) agency.Stats.Injected(f);
        switch (fault)
        {
            case FaultKind.ServerError:
                await Error(context, 500, "lỗi hệ thống (internal error)");
                return;
            case FaultKind.Unavailable:
                await Error(context, 503, "quá tải (overloaded)");
                return;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = _options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Error(context, 429, "vượt hạn mức truy cập (rate limit)");
                return;
            case FaultKind.ConnectionReset:
                context.Abort();
                return;
            case FaultKind.Hang:
                try { await Task.Delay(TimeSpan.FromSeconds(_options.HangSeconds), ct); } catch (OperationCanceledException) { }
                context.Abort();
                return;
            case FaultKind.TruncatedBody:
                await Truncated(context, next);
                return;
        }
        await next(context);
        agency.Stats.ServedOne();
    }

    /// <summary>The real answer, announced at full length but cut off halfway and the connection dropped.</summary>
    private static async Task Truncated(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        var bytes = buffer.ToArray();
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await original.FlushAsync();
        context.Abort();
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { maLoi = status, message });
    }

    private async Task Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        object answer;
        if (form["grant_type"] != "client_credentials")
        {
            context.Response.StatusCode = 400;
            answer = new { error = "unsupported_grant_type" };
        }
        else if (form["client_id"] != _options.ClientId || form["client_secret"] != _options.ClientSecret)
        {
            context.Response.StatusCode = 401;
            answer = new { error = "invalid_client", error_description = "sai mã ứng dụng hoặc khóa bí mật (unknown client or wrong secret)" };
        }
        else
        {
            var (token, lifetime) = Tokens.Issue();
            answer = new { access_token = token, token_type = "Bearer", expires_in = lifetime };
        }
        await context.Response.WriteAsJsonAsync(answer, context.RequestAborted);
    }

    private async Task CivilStatus(HttpContext context)
    {
        if (!Tokens.IsValid(context.Request.Headers.Authorization))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Error(context, 401, "token không hợp lệ hoặc đã hết hạn (invalid or expired token)");
            return;
        }
        var q = context.Request.Query;
        var limit = Limit(q["limit"]);
        var (page, more) = Agencies[SampleExports.CivilStatus].Page(q["since"], PageToken.Decode(q["pageToken"]), 0, limit);
        var next = more && page.Count > 0 ? JsonSerializer.Serialize(PageToken.Encode(page[^1])) : "null";
        await WriteJsonPage(context, "{\"maLoi\":0,\"data\":{\"items\":["u8.ToArray(), page, Encoding.UTF8.GetBytes($"],\"nextPageToken\":{next}}}}}"));
    }

    private async Task Business(HttpContext context)
    {
        if (context.Request.Headers["X-Api-Key"] != _options.ApiKey)
        {
            await Error(context, 401, "sai khóa truy cập (wrong API key)");
            return;
        }
        var q = context.Request.Query;
        var offset = long.TryParse(q["offset"], CultureInfo.InvariantCulture, out var o) && o >= 0 ? o : 0;
        var agency = Agencies[SampleExports.BusinessRegistration];
        var (page, _) = agency.Page(q["tuNgay"], null, offset, Limit(q["limit"]));
        await WriteJsonPage(context, "{\"items\":["u8.ToArray(), page, Encoding.UTF8.GetBytes($"],\"total\":{agency.Count}}}"));
    }

    private static int Limit(string? value) => int.TryParse(value, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 5000) : 100;

    private static async Task WriteJsonPage(HttpContext context, byte[] head, List<SimulatedRecord> page, byte[] tail)
    {
        var length = head.Length + tail.Length + page.Sum(r => r.Payload.Length) + Math.Max(0, page.Count - 1);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = length;
        var body = context.Response.Body;
        await body.WriteAsync(head);
        for (var i = 0; i < page.Count; i++)
        {
            if (i > 0) await body.WriteAsync(","u8.ToArray());
            await body.WriteAsync(page[i].Payload);
        }
        await body.WriteAsync(tail);
    }

    private async Task LandRegistry(HttpContext context)
    {
        XDocument request;
        try
        {
            using var reader = XmlReader.Create(context.Request.Body, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true });
            request = await XDocument.LoadAsync(reader, LoadOptions.None, context.RequestAborted);
        }
        catch (XmlException e)
        {
            await SoapFaultAsync(context, "soap:Client", $"envelope is not well-formed XML: {e.Message}");
            return;
        }
        string? Value(string local) => request.Descendants().FirstOrDefault(e => e.Name.LocalName == local)?.Value;
        if (!Authenticated(request))
        {
            await SoapFaultAsync(context, "soap:Client", "wsse:FailedAuthentication — sai tên đăng nhập hoặc mật khẩu (the security token could not be authenticated)");
            return;
        }
        if (request.Descendants().All(e => e.Name.LocalName != "LayDanhSachGCN"))
        {
            await SoapFaultAsync(context, "soap:Client", "unknown operation (expected LayDanhSachGCN)");
            return;
        }
        var limit = Limit(Value("SoBanGhi"));
        var (page, more) = Agencies[SampleExports.LandRegistry].Page(Value("TuNgay"), PageToken.Decode(Value("PageToken")), 0, limit);
        var next = more && page.Count > 0 ? PageToken.Encode(page[^1]) : "";
        var head = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" +
            $"<LayDanhSachGCNResponse xmlns=\"{SoapNamespace}\"><DanhSach>");
        var tail = Encoding.UTF8.GetBytes($"</DanhSach><NextPageToken>{next}</NextPageToken></LayDanhSachGCNResponse></soap:Body></soap:Envelope>");
        context.Response.ContentType = "text/xml; charset=utf-8";
        context.Response.ContentLength = head.Length + tail.Length + page.Sum(r => r.Payload.Length);
        await context.Response.Body.WriteAsync(head);
        foreach (var r in page) await context.Response.Body.WriteAsync(r.Payload);
        await context.Response.Body.WriteAsync(tail);
    }

    private bool Authenticated(XDocument request)
    {
        var token = request.Descendants().FirstOrDefault(e => e.Name.LocalName == "UsernameToken");
        if (token is null) return false;
        string? Child(string local) => token.Elements().FirstOrDefault(e => e.Name.LocalName == local)?.Value;
        var password = token.Elements().FirstOrDefault(e => e.Name.LocalName == "Password");
        if (Child("Username") != _options.WsseUser || password is null) return false;
        if (password.Attribute("Type")?.Value == WsSecurityHeader.DigestType)
        {
            var nonce = Convert.FromBase64String(Child("Nonce") ?? "");
            return password.Value == WsSecurityHeader.Digest(nonce, Child("Created") ?? "", _options.WssePassword);
        }
        return password.Value == _options.WssePassword;
    }

    private static async Task SoapFaultAsync(HttpContext context, string code, string reason)
    {
        context.Response.StatusCode = 500;
        context.Response.ContentType = "text/xml; charset=utf-8";
        var fault = new XElement(XName.Get("Fault", "http://schemas.xmlsoap.org/soap/envelope/"),
            new XElement("faultcode", code), new XElement("faultstring", reason));
        var envelope = new XElement(XName.Get("Envelope", "http://schemas.xmlsoap.org/soap/envelope/"),
            new XAttribute(XNamespace.Xmlns + "soap", "http://schemas.xmlsoap.org/soap/envelope/"),
            new XElement(XName.Get("Body", "http://schemas.xmlsoap.org/soap/envelope/"), fault));
        await context.Response.WriteAsync(envelope.ToString(SaveOptions.DisableFormatting));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
