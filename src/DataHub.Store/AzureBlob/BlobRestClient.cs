using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Polly;

namespace DataHub.Store.AzureBlob;

/// <summary>
/// A small Azure Blob Storage REST client (Azure.Storage.Blobs does not restore here). Every call goes
/// through one resilience pipeline built from <see cref="BlobRestClientOptions"/>, and the request is
/// rebuilt and re-signed for every attempt: a retried request needs a fresh x-ms-date, and a request
/// message cannot be sent twice anyway.
/// Failures: 403 and other non-transient statuses → <see cref="Documents.DocumentStoreException"/>;
/// transient ones that outlive the retries → <see cref="HttpRequestException"/> (with the status), or
/// Polly's TimeoutRejectedException / BrokenCircuitException: all mean "try the batch again later".
/// </summary>
public sealed class BlobRestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly SharedKeySigner? _signer;
    private readonly string _endpoint;

    public BlobRestClient(BlobConnectionString connection, BlobRestClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        Connection = connection;
        Options = options ?? new BlobRestClientOptions();
        _endpoint = connection.BlobEndpoint.AbsoluteUri.TrimEnd('/');
        _signer = connection.AccountKey is { } key ? new SharedKeySigner(connection.AccountName, key) : null;
        handler ??= new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Options.MaxConnectionsPerServer,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = Options.AttemptTimeout,
        };
        // The pipeline's per-attempt timeout governs; HttpClient's own would cut across retries.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _pipeline = BlobResilience.Build(Options);
    }

    public BlobRestClient(string connectionString, BlobRestClientOptions? options = null)
        : this(BlobConnectionString.Parse(connectionString), options)
    {
    }

    public BlobConnectionString Connection { get; }

    public BlobRestClientOptions Options { get; }

    /// <summary>Creates the container; true if it was created, false if it already existed.</summary>
    public async Task<bool> CreateContainerAsync(string container, CancellationToken ct = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, Url(container, null, "restype=container")), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created) return true;
        if (response.StatusCode == HttpStatusCode.Conflict && BlobServiceError.ErrorCode(response) == "ContainerAlreadyExists") return false;
        throw await FailureAsync(response, $"create container {container}", ct).ConfigureAwait(false);
    }

    public async Task<bool> DeleteContainerAsync(string container, CancellationToken ct = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Url(container, null, "restype=container")), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted) return true;
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        throw await FailureAsync(response, $"delete container {container}", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Put Blob (block blob, one request). Content-MD5 is always sent so the service rejects bytes damaged on
    /// the way and keeps the hash for integrity checks on read.
    /// </summary>
    public async Task<BlobWriteOutcome> PutBlockBlobAsync(string container, string blob, ReadOnlyMemory<byte> content,
        BlobPutMode mode = BlobPutMode.Overwrite, IReadOnlyDictionary<string, string>? metadata = null, string? contentType = null,
        CancellationToken ct = default)
    {
        var md5 = MD5.HashData(content.Span);
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, Url(container, blob, null))
            {
                Content = new ReadOnlyMemoryContent(content),
            };
            request.Content.Headers.ContentMD5 = md5;
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
            if (mode == BlobPutMode.CreateOnly) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
            AddMetadata(request, metadata);
            return request;
        }, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created) return BlobWriteOutcome.Written;
        // The service answers 409 BlobAlreadyExists to If-None-Match: * on an existing blob; some front ends 412.
        if (mode == BlobPutMode.CreateOnly && response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
            return BlobWriteOutcome.AlreadyExists;
        throw await FailureAsync(response, $"put {container}/{blob}", ct).ConfigureAwait(false);
    }

    /// <summary>Reads a blob (or a range of it); null when the blob or its container does not exist.</summary>
    public async Task<BlobDownload?> GetBlobAsync(string container, string blob, BlobRange? range = null, CancellationToken ct = default)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Url(container, blob, null));
            if (range is { } r) request.Headers.Add("x-ms-range", r.ToHeaderValue());
            return request;
        }, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"get {container}/{blob}", ct).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return new BlobDownload(bytes, PropertiesOf(response));
    }

    /// <summary>HEAD: properties and metadata without the bytes; null when there is no such blob.</summary>
    public async Task<BlobProperties?> GetPropertiesAsync(string container, string blob, CancellationToken ct = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Head, Url(container, blob, null)), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"get properties of {container}/{blob}", ct).ConfigureAwait(false);
        return PropertiesOf(response);
    }

    /// <summary>True if the blob was deleted, false if there was none.</summary>
    public async Task<bool> DeleteBlobAsync(string container, string blob, CancellationToken ct = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Url(container, blob, null)), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Accepted) return true;
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        throw await FailureAsync(response, $"delete {container}/{blob}", ct).ConfigureAwait(false);
    }

    /// <summary>Replaces all user metadata of a blob.</summary>
    public async Task SetMetadataAsync(string container, string blob, IReadOnlyDictionary<string, string> metadata, CancellationToken ct = default)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, Url(container, blob, "comp=metadata"));
            AddMetadata(request, metadata);
            return request;
        }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"set metadata of {container}/{blob}", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Set Blob Properties: content type and the stored Content-MD5. The service does not check this MD5
    /// against the bytes, which is exactly why readers verify it themselves.
    /// </summary>
    public async Task SetContentPropertiesAsync(string container, string blob, string? contentType, byte[]? contentMd5, CancellationToken ct = default)
    {
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, Url(container, blob, "comp=properties"));
            if (contentType is not null) request.Headers.Add("x-ms-blob-content-type", contentType);
            if (contentMd5 is not null) request.Headers.Add("x-ms-blob-content-md5", Convert.ToBase64String(contentMd5));
            return request;
        }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"set properties of {container}/{blob}", ct).ConfigureAwait(false);
    }

    /// <summary>Set Blob Tags: replaces the blob's index tags (at most 10).</summary>
    public async Task SetTagsAsync(string container, string blob, IReadOnlyDictionary<string, string> tags, CancellationToken ct = default)
    {
        var xml = new XElement("Tags", new XElement("TagSet",
            tags.Select(t => new XElement("Tag", new XElement("Key", t.Key), new XElement("Value", t.Value)))));
        var body = Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting));
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, Url(container, blob, "comp=tags"))
        {
            Content = new ReadOnlyMemoryContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } },
        }, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"set tags of {container}/{blob}", ct).ConfigureAwait(false);
    }

    /// <summary>Get Blob Tags; null when there is no such blob.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> GetTagsAsync(string container, string blob, CancellationToken ct = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(container, blob, "comp=tags")), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"get tags of {container}/{blob}", ct).ConfigureAwait(false);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Root;
        return (root?.Element("TagSet")?.Elements("Tag") ?? [])
            .ToDictionary(t => t.Element("Key")?.Value ?? "", t => t.Element("Value")?.Value ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// One page of List Blobs (flat, name order). Pass the previous page's <see cref="BlobListPage.NextMarker"/>
    /// to continue. A missing container lists as empty.
    /// </summary>
    public async Task<BlobListPage> ListBlobsAsync(string container, string? prefix = null, string? marker = null, int? maxResults = null,
        bool includeMetadata = false, CancellationToken ct = default)
    {
        var query = new StringBuilder("restype=container&comp=list");
        if (!string.IsNullOrEmpty(prefix)) query.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
        if (!string.IsNullOrEmpty(marker)) query.Append("&marker=").Append(Uri.EscapeDataString(marker));
        if (maxResults is { } max) query.Append("&maxresults=").Append(max.ToString(CultureInfo.InvariantCulture));
        if (includeMetadata) query.Append("&include=metadata");
        var queryText = query.ToString();
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(container, null, queryText)), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && BlobServiceError.ErrorCode(response) == "ContainerNotFound") return new BlobListPage([], null);
        if (!response.IsSuccessStatusCode) throw await FailureAsync(response, $"list {container}/{prefix}", ct).ConfigureAwait(false);
        var xml = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return BlobListingXml.Parse(xml);
    }

    /// <summary>Every blob under a prefix, following markers page by page.</summary>
    public async IAsyncEnumerable<BlobItem> ListAllBlobsAsync(string container, string? prefix = null, bool includeMetadata = false,
        int pageSize = 5000, [EnumeratorCancellation] CancellationToken ct = default)
    {
        string? marker = null;
        do
        {
            var page = await ListBlobsAsync(container, prefix, marker, pageSize, includeMetadata, ct).ConfigureAwait(false);
            foreach (var item in page.Items) yield return item;
            marker = page.NextMarker;
        }
        while (marker is not null);
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct) =>
        _pipeline.ExecuteAsync(static async (state, token) =>
        {
            // Built, dated and signed anew for each attempt.
            using var request = state.build();
            state.self.Authorize(request);
            // ResponseContentRead: the body is read inside the attempt, so its timeout and retries cover it.
            return await state.self._http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
        }, (self: this, build), ct).AsTask();

    private void Authorize(HttpRequestMessage request)
    {
        request.Headers.Add("x-ms-date", Options.TimeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        request.Headers.Add("x-ms-version", Options.ApiVersion);
        // With a SAS the token is already in the query string (see Url).
        _signer?.Sign(request);
    }

    private Uri Url(string container, string? blob, string? query)
    {
        BlobNames.CheckContainer(container);
        var sb = new StringBuilder(_endpoint).Append('/').Append(container);
        if (blob is not null) sb.Append('/').Append(BlobNames.EncodeBlobPath(blob));
        var sas = _signer is null ? Connection.SasToken : null;
        if (query is not null || sas is not null) sb.Append('?').Append(query);
        if (query is not null && sas is not null) sb.Append('&');
        sb.Append(sas);
        return new Uri(sb.ToString());
    }

    private static void AddMetadata(HttpRequestMessage request, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        foreach (var (key, value) in metadata) request.Headers.Add("x-ms-meta-" + key, value);
    }

    private static BlobProperties PropertiesOf(HttpResponseMessage response)
    {
        var headers = response.Headers;
        var content = response.Content.Headers;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            if (name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase)) metadata[name["x-ms-meta-".Length..]] = string.Join(",", values);
        }
        // A range read reports the range's length and (since 2016-05-31) the whole blob's MD5 in x-ms-blob-content-md5.
        byte[]? md5 = headers.TryGetValues("x-ms-blob-content-md5", out var whole) ? Convert.FromBase64String(whole.First())
            : content.ContentRange is null ? content.ContentMD5 : null;
        var length = content.ContentRange?.Length ?? content.ContentLength ?? 0;
        return new BlobProperties(length, headers.ETag?.Tag, md5, content.ContentType?.ToString(), content.LastModified, metadata);
    }

    private Task<Exception> FailureAsync(HttpResponseMessage response, string operation, CancellationToken ct) =>
        BlobServiceError.ToExceptionAsync(response, Connection.AccountName, operation, ct);
}
