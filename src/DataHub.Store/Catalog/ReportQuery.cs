namespace DataHub.Store.Catalog;

/// <summary>A report request: period on the settlement date (inclusive) and the grouping.</summary>
public sealed record ReportQuery(DateOnly? From, DateOnly? To, ReportGrouping By);
