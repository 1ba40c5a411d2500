namespace DataHub.Store.AzureBlob;

/// <summary>What the service reports about a blob (HEAD, GET, or a listing entry).</summary>
/// <param name="ContentMd5">The MD5 the service holds for the whole blob, when it has one.</param>
public sealed record BlobProperties(
    long Length,
    string? ETag,
    byte[]? ContentMd5,
    string? ContentType,
    DateTimeOffset? LastModified,
    IReadOnlyDictionary<string, string> Metadata);
