namespace DataHub.Store.Audit;

/// <summary>
/// One access to citizens' documents, as the caller reports it: who (client), why (purpose header),
/// whose documents (citizen ID, when the request named one), which documents were returned, when, where.
/// </summary>
public sealed record AccessLogEntry(
    DateTimeOffset Time,
    string Client,
    string? Purpose,
    string Endpoint,
    string? CitizenId,
    IReadOnlyList<string> DocumentIds,
    int Status);
