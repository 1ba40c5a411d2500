using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using DataHub.Core.Documents;
using DataHub.Store.Documents;

namespace DataHub.Store.AzureBlob;

/// <summary>
/// The document store on Azure Blob Storage, for clusters of DataHub nodes. Same logical layout as the
/// filesystem store, one blob per name, no physical sharding (the service partitions by name itself):
/// <code>
/// documents/{id}/v{n}.json    written with If-None-Match: * — the service, not us, decides who was first
/// documents/{id}/current      overwritten; its value is also in metadata so listings need no extra reads
/// documents/{id}/files/{name}
/// </code>
/// Integrity: every blob carries the service's Content-MD5 (sent on upload) and our own SHA-256 in
/// metadata; reads check both, so bytes changed behind our back (by hand, by a buggy tool) are refused
/// instead of served to a clerk as the citizen's document.
/// </summary>
public sealed class AzureBlobDocumentStore : IDocumentStore, IDisposable
{
    private const string Sha256Metadata = "sha256";
    private const string VersionMetadata = "version";
    private const string DocumentsPrefix = StoreNames.DocumentsPrefix + "/";

    private readonly BlobRestClient _client;
    private readonly bool _ownsClient;
    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    public AzureBlobDocumentStore(string connectionString, string containerName, BlobRestClientOptions? options = null)
        : this(new BlobRestClient(BlobConnectionString.Parse(connectionString), options), containerName, ownsClient: true)
    {
    }

    public AzureBlobDocumentStore(BlobRestClient client, string containerName, bool ownsClient = false)
    {
        BlobNames.CheckContainer(containerName);
        _client = client;
        _ownsClient = ownsClient;
        Container = containerName;
    }

    public string Container { get; }

    public static string VersionBlob(DocumentId id, int version) => $"{DocumentsPrefix}{id.Value}/{StoreNames.VersionName(version)}";

    public static string CurrentBlob(DocumentId id) => $"{DocumentsPrefix}{id.Value}/{StoreNames.CurrentName}";

    public static string FileBlob(DocumentId id, string name) => $"{DocumentsPrefix}{id.Value}/{StoreNames.FilesFolder}/{name}";

    public async ValueTask<VersionWrite> PutVersionAsync(DocumentId id, int version, ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        await EnsureContainerAsync(ct).ConfigureAwait(false);
        var outcome = await _client.PutBlockBlobAsync(Container, VersionBlob(id, version), content, BlobPutMode.CreateOnly,
            HashMetadata(content.Span), "application/json", ct).ConfigureAwait(false);
        if (outcome == BlobWriteOutcome.Written) return VersionWrite.Written;

        // Taken: by an earlier run, a concurrent node, or our own earlier attempt whose answer was lost.
        // Only the bytes tell these apart from a real conflict.
        var existing = await GetVersionAsync(id, version, ct).ConfigureAwait(false)
            ?? throw new DocumentStoreException($"document {id} version {version} was reported as existing but cannot be read back");
        return existing.AsSpan().SequenceEqual(content.Span)
            ? VersionWrite.AlreadyPresent
            : throw new DocumentStoreException($"document {id} version {version} already exists with different content; versions are immutable");
    }

    public async ValueTask SetCurrentAsync(DocumentId id, int version, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        await EnsureContainerAsync(ct).ConfigureAwait(false);
        var text = version.ToString(CultureInfo.InvariantCulture);
        var metadata = HashMetadata(Encoding.ASCII.GetBytes(text));
        metadata[VersionMetadata] = text;
        await _client.PutBlockBlobAsync(Container, CurrentBlob(id), Encoding.ASCII.GetBytes(text), BlobPutMode.Overwrite, metadata, "text/plain", ct)
            .ConfigureAwait(false);
    }

    public async ValueTask<int?> GetCurrentAsync(DocumentId id, CancellationToken ct = default)
    {
        var bytes = await ReadVerifiedAsync(CurrentBlob(id), ct).ConfigureAwait(false);
        if (bytes is not null && int.TryParse(Encoding.ASCII.GetString(bytes), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        // No pointer: the highest version is current (a document with a single version has no pointer).
        var highest = 0;
        await foreach (var blob in _client.ListAllBlobsAsync(Container, $"{StoreNames.DocumentsPrefix}/{id.Value}/v", ct: ct).ConfigureAwait(false))
        {
            if (StoreNames.TryParseVersionName(blob.Name.AsSpan(blob.Name.LastIndexOf('/') + 1), out var n)) highest = Math.Max(highest, n);
        }
        return highest > 0 ? highest : null;
    }

    public ValueTask<byte[]?> GetVersionAsync(DocumentId id, int version, CancellationToken ct = default) =>
        new(ReadVerifiedAsync(VersionBlob(id, version), ct));

    public async ValueTask PutFileAsync(DocumentId id, string name, Stream content, CancellationToken ct = default)
    {
        StoreNames.CheckFileName(name);
        await EnsureContainerAsync(ct).ConfigureAwait(false);
        // Put Blob needs the whole body for its MD5 and to resend it on retry; attachments are scans of a few MB.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct).ConfigureAwait(false);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        await _client.PutBlockBlobAsync(Container, FileBlob(id, name), bytes, BlobPutMode.Overwrite, HashMetadata(bytes.Span), null, ct)
            .ConfigureAwait(false);
    }

    public async ValueTask<Stream?> OpenFileAsync(DocumentId id, string name, CancellationToken ct = default)
    {
        StoreNames.CheckFileName(name);
        var bytes = await ReadVerifiedAsync(FileBlob(id, name), ct).ConfigureAwait(false);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }

    /// <summary>
    /// One flat listing of "documents/", page by page. Names sort by document id, so a document's blobs are
    /// contiguous and each document is yielded as soon as the next one starts.
    /// </summary>
    public async IAsyncEnumerable<StoredDocument> ListAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        DocumentAccumulator? pending = null;
        await foreach (var item in _client.ListAllBlobsAsync(Container, DocumentsPrefix, includeMetadata: true, ct: ct).ConfigureAwait(false))
        {
            var rest = item.Name[DocumentsPrefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !DocumentId.TryParse(rest[..slash], out var id)) continue;
            var leaf = rest[(slash + 1)..];
            if (pending is not null && pending.Id != id)
            {
                yield return await pending.ToStoredDocumentAsync(this, ct).ConfigureAwait(false);
                pending = null;
            }
            pending ??= new DocumentAccumulator(id);
            if (StoreNames.TryParseVersionName(leaf, out var version)) pending.Versions.Add(version);
            else if (leaf == StoreNames.CurrentName) pending.CurrentMetadata = item.Properties.Metadata.GetValueOrDefault(VersionMetadata) ?? "";
            else if (leaf.StartsWith(StoreNames.FilesFolder + "/", StringComparison.Ordinal)) pending.Files.Add(leaf[(StoreNames.FilesFolder.Length + 1)..]);
        }
        if (pending is not null) yield return await pending.ToStoredDocumentAsync(this, ct).ConfigureAwait(false);
    }

    /// <summary>Nothing to do: the service acknowledges a Put Blob only once it is durably stored.</summary>
    public ValueTask FlushAsync(CancellationToken ct = default) => ValueTask.CompletedTask;

    public void Dispose()
    {
        if (_ownsClient) _client.Dispose();
        _containerGate.Dispose();
    }

    private async Task<byte[]?> ReadVerifiedAsync(string blob, CancellationToken ct)
    {
        var download = await _client.GetBlobAsync(Container, blob, null, ct).ConfigureAwait(false);
        if (download is null) return null;
        var bytes = download.Content;
        var props = download.Properties;
        if (props.ContentMd5 is not { } md5)
            throw new DocumentStoreException($"blob {Container}/{blob} has no Content-MD5; it was not written by DataHub and cannot be verified");
        if (!MD5.HashData(bytes).AsSpan().SequenceEqual(md5))
            throw new DocumentStoreException($"blob {Container}/{blob} does not match its Content-MD5: the stored bytes changed after they were written");
        if (!props.Metadata.TryGetValue(Sha256Metadata, out var sha) || !string.Equals(sha, Sha256Hex(bytes), StringComparison.OrdinalIgnoreCase))
            throw new DocumentStoreException($"blob {Container}/{blob} does not match the SHA-256 DataHub recorded when writing it: it was replaced behind our back");
        return bytes;
    }

    private static Dictionary<string, string> HashMetadata(ReadOnlySpan<byte> content) =>
        new(StringComparer.Ordinal) { [Sha256Metadata] = Sha256Hex(content) };

    private static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Creates the container on the first write; later writes skip the round trip.</summary>
    private async ValueTask EnsureContainerAsync(CancellationToken ct)
    {
        if (_containerReady) return;
        await _containerGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_containerReady) return;
            await _client.CreateContainerAsync(Container, ct).ConfigureAwait(false);
            _containerReady = true;
        }
        finally
        {
            _containerGate.Release();
        }
    }

    private sealed class DocumentAccumulator(DocumentId id)
    {
        public DocumentId Id { get; } = id;
        public List<int> Versions { get; } = [];
        public List<string> Files { get; } = [];
        public string? CurrentMetadata { get; set; }

        public async Task<StoredDocument> ToStoredDocumentAsync(AzureBlobDocumentStore store, CancellationToken ct)
        {
            Versions.Sort();
            Files.Sort(StringComparer.Ordinal);
            int? current = CurrentMetadata switch
            {
                null => Versions.Count > 0 ? Versions[^1] : null,
                var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) => v,
                // A pointer without our metadata (written by another tool): its bytes are the truth.
                _ => await store.GetCurrentAsync(Id, ct).ConfigureAwait(false),
            };
            return new StoredDocument(Id, Versions, current, Files);
        }
    }
}
