namespace DataHub.Connectors.Rest;

/// <summary>What one page request asks for: records from <see cref="Since"/> on, by token or by offset.</summary>
public sealed record PageRequest(string Since, string? PageToken, long Offset, int Limit);
