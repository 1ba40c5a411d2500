using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Rest;

/// <summary>One page as the agency sent it: its records (a record that is not an object carries a reason) and the next token.</summary>
public sealed record FetchedPage(IReadOnlyList<(IRecordFields Fields, string? Malformed)> Records, string? NextToken);
