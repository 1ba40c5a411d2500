using System.Globalization;
using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Reporting;

/// <summary>The API path listing the ledger records behind one figure (same period and grouping as the report).</summary>
public static class DrillDown
{
    public const string RecordsPath = "/v1/reports/digitization/records";

    public static string Path(ReportQuery q, string group, string state)
    {
        var query = new List<string> { "by=" + q.By.ToString().ToLowerInvariant(), "group=" + Uri.EscapeDataString(group), "state=" + state };
        if (q.From is { } f) query.Add("from=" + f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (q.To is { } t) query.Add("to=" + t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return RecordsPath + "?" + string.Join('&', query);
    }
}
