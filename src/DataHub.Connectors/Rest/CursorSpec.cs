namespace DataHub.Connectors.Rest;

/// <summary>
/// <c>source.cursor</c>: the field records are ordered by (last update / settlement time) and a unique
/// record id that breaks ties and names the record in the ledger. The agency must return records in
/// (field, id) order and treat "since" as inclusive (≥); DataHub drops what it already has.
/// </summary>
// A misspelt key is an error at start-up, not a setting silently left at its default.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record CursorSpec
{
    /// <summary>Path of the cursor value in a record (e.g. <c>ngayCapNhat</c>, <c>NgayCapNhat</c>).</summary>
    public string Field { get; init; } = "updatedAt";
    /// <summary>Path of the agency's record id (e.g. <c>id</c>, <c>@Id</c>); the ledger's source reference.</summary>
    public string IdField { get; init; } = "id";
    /// <summary>"since" of the very first run (empty: the agency's whole history).</summary>
    public string? Start { get; init; }
}
