using DataHub.Core.Dates;
using DataHub.Pipeline.Reporting;
using DataHub.Store.Catalog;
using Microsoft.AspNetCore.Http;

namespace DataHub.Api.Endpoints;

/// <summary>
/// <c>GET /v1/reports/digitization?from=&amp;to=&amp;by=&amp;format=json|csv|html</c> and its drill-down
/// <c>GET /v1/reports/digitization/records?by=&amp;group=&amp;state=&amp;reason=</c>: the ledger rows behind a figure.
/// Aggregates and ledger rows carry no personal IDs; any valid key may read them.
/// </summary>
public static class ReportEndpoints
{
    public const string Route = "/v1/reports/digitization";
    private static readonly string[] States = ["published", "unchanged", "quarantined", "pending-review"];

    public static IResult Get(string? from, string? to, string? by, string? format, DigitizationReportBuilder builder)
    {
        if (Query(from, to, by) is not { } query) return ApiProblems.BadRequest(QueryProblem(from, to, by));
        return (format ?? "json") switch
        {
            "json" => Results.Text(DigitizationReportFormats.ToJson(builder.Build(query)), "application/json; charset=utf-8"),
            "csv" => Results.Text(DigitizationReportFormats.ToCsv(builder.Build(query)), "text/csv; charset=utf-8"),
            "html" => Results.Text(DigitizationReportHtml.Render(builder.Build(query, gapRecordLimit: 5000)), "text/html; charset=utf-8"),
            var other => ApiProblems.BadRequest($"format '{other}' is not json, csv or html"),
        };
    }

    public static IResult GetRecords(string? from, string? to, string? by, string? group, string? state, string? reason, int? limit, ICatalog catalog)
    {
        if (Query(from, to, by) is not { } query) return ApiProblems.BadRequest(QueryProblem(from, to, by));
        if (state is not null && !States.Contains(state)) return ApiProblems.BadRequest($"state '{state}' is not one of {string.Join(", ", States)}");
        var take = Math.Clamp(limit ?? 1000, 1, 10_000);
        var rows = catalog.LedgerRows(state, reason, group, query, take);
        return Results.Ok(new { query = new { from = query.From, to = query.To, by = query.By.ToString().ToLowerInvariant(), group, state, reason, limit = take }, count = rows.Count, records = rows });
    }

    private static ReportQuery? Query(string? from, string? to, string? by)
    {
        DateOnly? f = null, t = null;
        if (from is not null) { if (!VietnameseDate.TryParse(from, out var d, out _)) return null; f = d; }
        if (to is not null) { if (!VietnameseDate.TryParse(to, out var d, out _)) return null; t = d; }
        try { return new ReportQuery(f, t, DigitizationReportBuilder.ParseGrouping(by)); }
        catch (ArgumentException) { return null; }
    }

    private static string QueryProblem(string? from, string? to, string? by)
    {
        if (from is not null && !VietnameseDate.TryParse(from, out _, out var a)) return $"from: {a}";
        if (to is not null && !VietnameseDate.TryParse(to, out _, out var b)) return $"to: {b}";
        return $"by '{by}' is not agency, type, field, level, month or year";
    }
}
