namespace DataHub.Connectors.Rest;

/// <summary>
/// <c>source.paging</c> of a network source. <c>mode</c> "token": the response names the next page
/// (<see cref="NextTokenPath"/>); "offset": pages are numbered by record offset and a short page ends.
/// Either way every request also carries the cursor ("settled since") and the page size.
/// </summary>
// A misspelt key is an error at start-up, not a setting silently left at its default.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record PagingSpec
{
    public string Mode { get; init; } = "token";
    public int Limit { get; init; } = 500;
    public string LimitParam { get; init; } = "limit";
    public string SinceParam { get; init; } = "since";
    public string TokenParam { get; init; } = "pageToken";
    public string OffsetParam { get; init; } = "offset";
    /// <summary>REST: dotted JSON path of the next-page token; SOAP: local name of the element holding it.</summary>
    public string NextTokenPath { get; init; } = "nextPageToken";
}
