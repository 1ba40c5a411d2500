using System.Security.Cryptography;
using System.Text;

namespace DataHub.Store.AzureBlob;

/// <summary>
/// Azure Storage Shared Key authorization (version 2009-09-19 and later): HMAC-SHA256 over the verb, the
/// standard headers, the canonicalized x-ms-* headers and the canonicalized resource.
/// The resource is <c>/{account}{encoded URI path}</c>; with a path-style endpoint (Azurite) the URI path
/// already starts with the account, so the account appears twice, as the service expects.
/// </summary>
public sealed class SharedKeySigner(string accountName, byte[] accountKey)
{
    private static readonly string[] StandardHeaders =
        ["Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
         "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range"];

    public string AccountName { get; } = accountName;

    /// <summary>Sets the Authorization header; call after every other header (x-ms-date included) is final.</summary>
    public void Sign(HttpRequestMessage request)
    {
        var stringToSign = StringToSign(request);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {AccountName}:{signature}");
    }

    public string StringToSign(HttpRequestMessage request)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = HeaderValue(request, name);
            // Since 2015-02-21 a zero Content-Length is signed as the empty string.
            if (name == "Content-Length" && value == "0") value = "";
            sb.Append(value).Append('\n');
        }
        AppendCanonicalizedHeaders(sb, request);
        AppendCanonicalizedResource(sb, request.RequestUri!);
        return sb.ToString();
    }

    private static string HeaderValue(HttpRequestMessage request, string name)
    {
        if (request.Headers.TryGetValues(name, out var values)) return string.Join(",", values);
        if (request.Content is { } content)
        {
            if (name == "Content-Length") return content.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (content.Headers.TryGetValues(name, out var contentValues)) return string.Join(",", contentValues);
        }
        return "";
    }

    private static void AppendCanonicalizedHeaders(StringBuilder sb, HttpRequestMessage request)
    {
        var headers = request.Headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value.Select(v => v.Trim()))))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers) sb.Append(name).Append(':').Append(value).Append('\n');
    }

    private void AppendCanonicalizedResource(StringBuilder sb, Uri uri)
    {
        // AbsolutePath keeps the percent-encoding the request line carries, which is what the service signs.
        sb.Append('/').Append(AccountName).Append(uri.AbsolutePath);
        var query = ParseQuery(uri.Query);
        foreach (var group in query.GroupBy(p => p.Key.ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':')
              .Append(string.Join(",", group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return new(key, value);
        }
    }
}
