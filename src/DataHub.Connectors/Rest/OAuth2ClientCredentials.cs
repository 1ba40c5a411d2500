using System.Net.Http.Headers;
using System.Text.Json;

namespace DataHub.Connectors.Rest;

/// <summary>
/// OAuth 2.0 client credentials (RFC 6749 §4.4): a bearer token fetched from the agency's token
/// endpoint through the same resilience pipeline, cached until shortly before it expires, and fetched
/// again once when the agency answers 401 anyway (revoked, or clocks disagree).
/// </summary>
public sealed class OAuth2ClientCredentials(AgencyClient tokenClient, string tokenUrl, string clientId, string clientSecret, string? scope, TimeProvider time) : IRequestAuthenticator
{
    private string? _token;
    private DateTimeOffset _expires;

    public bool CanRefresh => true;

    public async ValueTask PrepareAsync(CancellationToken ct)
    {
        if (_token is not null && time.GetUtcNow() < _expires) return;
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret };
        if (!string.IsNullOrEmpty(scope)) form["scope"] = scope;
        var (token, lifetime) = await tokenClient.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) },
            (response, body) => response.IsSuccessStatusCode ? ReadToken(body) : default,
            AgencyClient.JsonErrorDetail, "token request", ct);
        _token = token;
        // Renew a little early so a token never expires between this check and the agency's.
        _expires = time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(1, lifetime - Math.Min(30, lifetime / 10)));
    }

    private static (string Token, double Lifetime) ReadToken(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var token = doc.RootElement.TryGetProperty("access_token", out var t) ? t.GetString() : null;
            if (string.IsNullOrEmpty(token)) throw new AgencyRequestException("the token endpoint answered without an access_token");
            var lifetime = doc.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetDouble(out var seconds) ? seconds : 300;
            return (token, lifetime);
        }
        catch (JsonException e)
        {
            throw new DataHub.Connectors.Resilience.PageFormatException($"the token endpoint's answer is not JSON: {e.Message}", e);
        }
    }

    public void Apply(HttpRequestMessage request)
    {
        if (_token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
    }

    public void Invalidate() => _token = null;
}
