namespace DataHub.Store.Documents;

/// <summary>A store operation that cannot succeed by retrying: conflict, integrity failure, refused credentials.</summary>
public sealed class DocumentStoreException(string message, Exception? inner = null) : Exception(message, inner);
