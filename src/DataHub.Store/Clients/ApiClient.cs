namespace DataHub.Store.Clients;

/// <summary>A client system (one-stop software) allowed to call the API, as the catalog keeps it: the key's hash only.</summary>
public sealed record ApiClient(string Name, string KeyHash, IReadOnlyList<string> DocumentTypes, int RatePerSecond, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;

    public bool MayRead(string documentType) => DocumentTypes.Contains(documentType, StringComparer.Ordinal);
}
