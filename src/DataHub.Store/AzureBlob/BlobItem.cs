namespace DataHub.Store.AzureBlob;

/// <summary>One entry of a container listing.</summary>
public sealed record BlobItem(string Name, BlobProperties Properties);
