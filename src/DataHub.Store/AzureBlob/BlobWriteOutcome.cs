namespace DataHub.Store.AzureBlob;

public enum BlobWriteOutcome
{
    Written,

    /// <summary>A <see cref="BlobPutMode.CreateOnly"/> write found the name taken; nothing was changed.</summary>
    AlreadyExists,
}
