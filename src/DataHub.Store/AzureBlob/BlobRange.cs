namespace DataHub.Store.AzureBlob;

/// <summary>A byte range of a blob; a null length reads to the end.</summary>
public readonly record struct BlobRange(long Offset, long? Length = null)
{
    public string ToHeaderValue() => Length is { } n
        ? FormattableString.Invariant($"bytes={Offset}-{Offset + n - 1}")
        : FormattableString.Invariant($"bytes={Offset}-");
}
