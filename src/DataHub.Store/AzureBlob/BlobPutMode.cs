namespace DataHub.Store.AzureBlob;

public enum BlobPutMode
{
    /// <summary>Replace whatever is there (pointers, attachments).</summary>
    Overwrite,

    /// <summary>Write only if no blob has the name (<c>If-None-Match: *</c>): immutable versions.</summary>
    CreateOnly,
}
