namespace DataHub.Store.AzureBlob;

/// <summary>A blob's bytes (or the requested range of them) and its properties.</summary>
public sealed record BlobDownload(byte[] Content, BlobProperties Properties);
