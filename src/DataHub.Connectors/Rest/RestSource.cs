using System.Text;
using System.Text.Json;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Resilience;
using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Rest;

/// <summary>
/// The <c>rest</c> kind: GET pages of JSON records. The page's records array is at <c>recordsPath</c>;
/// each record is mapped with the same dotted paths as a JSON file drop.
/// </summary>
public sealed class RestSource(SourceSpec spec, AgencyClient client) : PagedRecordSource(spec)
{
    protected override Task<FetchedPage> FetchAsync(PageRequest request, CancellationToken ct)
    {
        var url = BuildUrl(request);
        return client.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "application/json" } } },
            (response, body) => response.IsSuccessStatusCode ? Parse(body) : null,
            AgencyClient.JsonErrorDetail, $"GET {url.PathAndQuery}", ct);
    }

    private Uri BuildUrl(PageRequest request)
    {
        var paging = Spec.Paging;
        var query = new List<KeyValuePair<string, string>>(Spec.Query);
        if (request.Since.Length > 0) query.Add(new(paging.SinceParam, request.Since));
        query.Add(new(paging.LimitParam, request.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (string.Equals(paging.Mode, "offset", StringComparison.OrdinalIgnoreCase))
            query.Add(new(paging.OffsetParam, request.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        else if (request.PageToken is not null) query.Add(new(paging.TokenParam, request.PageToken));
        var builder = new UriBuilder(Spec.Url!);
        var existing = builder.Query.TrimStart('?');
        var added = string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        builder.Query = existing.Length > 0 ? existing + "&" + added : added;
        return builder.Uri;
    }

    private FetchedPage Parse(byte[] body)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new PageFormatException($"page is not valid JSON ({body.Length} bytes; cut short?): {e.Message}", e);
        }
        using (doc)
        {
            var records = Find(doc.RootElement, Spec.RecordsPath);
            if (records is not { ValueKind: JsonValueKind.Array } array)
                throw new AgencyRequestException($"the page has no records array at '{Spec.RecordsPath}' (check source.recordsPath): {AgencyClient.Snippet(body)}");
            var list = new List<(IRecordFields, string?)>(array.GetArrayLength());
            foreach (var element in array.EnumerateArray())
            {
                // Cloned: records outlive the page document while their batch travels to the publisher.
                list.Add(element.ValueKind == JsonValueKind.Object
                    ? (new JsonFields(element.Clone()), null)
                    : (NoFields.Instance, $"record is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object"));
            }
            var next = Find(doc.RootElement, Spec.Paging.NextTokenPath) is { ValueKind: JsonValueKind.String or JsonValueKind.Number } t
                ? (t.ValueKind == JsonValueKind.String ? t.GetString() : t.GetRawText()) : null;
            return new FetchedPage(list, next);
        }
    }

    private static JsonElement? Find(JsonElement root, string? path)
    {
        if (string.IsNullOrEmpty(path)) return root;
        var current = root;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current;
    }
}
