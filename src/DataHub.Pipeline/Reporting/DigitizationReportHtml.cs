using System.Globalization;
using System.Net;
using System.Text;
using DataHub.Store.Catalog;

namespace DataHub.Pipeline.Reporting;

/// <summary>
/// The report as one self-contained HTML page an auditor can open offline: inline CSS, inline SVG
/// charts, no script, and a Content-Security-Policy that forbids loading anything from elsewhere.
/// Gap figures link to the records behind them, which are carried in the page itself.
/// </summary>
public static class DigitizationReportHtml
{
    private const double Target = 0.80; // full points at >= 80 % (Decision 766/QĐ-TTg)

    public static string Render(DigitizationReport report)
    {
        var q = report.Query;
        var h = new StringBuilder();
        h.Append("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>Báo cáo số hóa — Digitization report</title>
            <style>
            body{font-family:"Noto Sans","DejaVu Sans",sans-serif;margin:24px;color:#1b1b1b}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
            .sub{color:#555;margin:0 0 16px}.cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}
            .card b{display:block;font-size:20px}table{border-collapse:collapse;font-size:13px}
            th,td{border:1px solid #ddd;padding:3px 8px}td.n{text-align:right}th{background:#f3f3f3}
            details{margin:6px 0}summary{cursor:pointer}
            </style></head><body>
            """);
        h.Append("<h1>Báo cáo số hóa kết quả giải quyết thủ tục hành chính<br><small>Digitization report of settled administrative results</small></h1>");
        h.Append(Inv($"<p class=\"sub\">Kỳ báo cáo / Period (settlement date): {E(Period(q))} · Nhóm theo / Grouped by: {E(q.By.ToString().ToLowerInvariant())} · Lập lúc / Generated: {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC</p>"));

        var t = report.Total;
        h.Append("<div class=\"cards\" id=\"summary\">");
        Card(h, "settled", "Kết quả đã giải quyết / Settled", N(t.Settled));
        Card(h, "digitized", "Đã số hóa / Digitized", N(t.Digitized));
        Card(h, "rate", "Tỷ lệ số hóa / Digitization rate", P(t.Rate));
        Card(h, "pending", "Chờ kiểm tra / Pending review", N(t.PendingReview));
        Card(h, "quarantined", "Cách ly / Quarantined", N(t.Quarantined));
        Card(h, "ocr-share", "Tỷ lệ OCR / OCR share", P(t.OcrShare));
        Card(h, "reuse-share", "Tỷ lệ tái sử dụng / Reuse share", P(t.ReuseShare));
        Card(h, "servings", "Lượt cung cấp / Documents served", N(t.Servings));
        h.Append("</div>");

        h.Append("<h2>Tỷ lệ số hóa theo nhóm / Digitization rate by group</h2>");
        RateChart(h, report.Rows);
        h.Append("<h2>Kết quả theo trạng thái / Results by state</h2>");
        StateChart(h, report.Rows);

        h.Append("<h2>Số liệu / Figures</h2><table id=\"figures\"><tr><th>Nhóm / Group</th><th>Settled</th><th>Digitized</th><th>Rate</th><th>Pending review</th><th>Quarantined</th><th>By OCR</th><th>OCR share</th><th>Reused</th><th>Reuse share</th><th>Served</th></tr>");
        for (var i = 0; i < report.Rows.Count; i++) FigureRow(h, report.Rows[i], i, report.GapRecords.Count > 0);
        FigureRow(h, t, -1, false);
        h.Append("</table>");

        h.Append("<h2>Chưa số hóa theo lý do / Not digitized, by reason</h2><table id=\"gaps\"><tr><th>State</th><th>Reason</th><th>Results</th></tr>");
        foreach (var g in report.Gaps) h.Append(Inv($"<tr><td>{E(g.State)}</td><td>{E(g.ReasonCode)}</td><td class=\"n\">{N(g.Results)}</td></tr>"));
        h.Append("</table>");

        var byState = report.Records.ToDictionary(r => r.State, r => r.Records);
        h.Append(Inv($"<p id=\"reconcile\">Bản ghi nguồn / Source records: {N(report.RecordsPulled)} = {N(byState.GetValueOrDefault("published"))} published + {N(byState.GetValueOrDefault("unchanged"))} unchanged + {N(byState.GetValueOrDefault("quarantined"))} quarantined + {N(byState.GetValueOrDefault("pending-review"))} pending review</p>"));

        if (report.GapRecords.Count > 0) DrillDownSections(h, report);
        h.Append("</body></html>\n");
        return h.ToString();
    }

    private static void FigureRow(StringBuilder h, DigitizationFigures r, int index, bool linkGaps)
    {
        string Gap(long n, string state) => linkGaps && n > 0 ? Inv($"<a href=\"#{state}-{index}\">{N(n)}</a>") : N(n);
        var name = index < 0 ? "<b>Tổng / Total</b>" : E(r.Group);
        h.Append(Inv($"<tr data-group=\"{E(r.Group)}\"><td>{name}</td><td class=\"n\">{N(r.Settled)}</td><td class=\"n\">{N(r.Digitized)}</td><td class=\"n\">{P(r.Rate)}</td>"));
        h.Append(Inv($"<td class=\"n\">{Gap(r.PendingReview, "pending-review")}</td><td class=\"n\">{Gap(r.Quarantined, "quarantined")}</td><td class=\"n\">{N(r.DigitizedByOcr)}</td>"));
        h.Append(Inv($"<td class=\"n\">{P(r.OcrShare)}</td><td class=\"n\">{N(r.ReusedDocuments)}</td><td class=\"n\">{P(r.ReuseShare)}</td><td class=\"n\">{N(r.Servings)}</td></tr>"));
    }

    /// <summary>Horizontal bars of the rate per group, with the 80 % full-points line.</summary>
    private static void RateChart(StringBuilder h, IReadOnlyList<DigitizationFigures> rows)
    {
        const int label = 300, bar = 400, rowHeight = 22;
        var height = rows.Count * rowHeight + 30;
        h.Append(Inv($"<svg id=\"rate-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + bar + 70}\" height=\"{height}\" role=\"img\" aria-label=\"Digitization rate by group\">"));
        for (var i = 0; i < rows.Count; i++)
        {
            var y = i * rowHeight + 4;
            var w = rows[i].Rate * bar;
            h.Append(Inv($"<text x=\"{label - 6}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"12\">{E(Short(rows[i].Group))}</text>"));
            h.Append(Inv($"<rect x=\"{label}\" y=\"{y}\" width=\"{bar}\" height=\"16\" fill=\"#eee\"/><rect class=\"bar\" x=\"{label}\" y=\"{y}\" width=\"{w:0.0}\" height=\"16\" fill=\"{(rows[i].Rate >= Target ? "#2e7d32" : "#c62828")}\"/>"));
            h.Append(Inv($"<text x=\"{label + bar + 6}\" y=\"{y + 13}\" font-size=\"12\">{P(rows[i].Rate)}</text>"));
        }
        var x = label + Target * bar;
        h.Append(Inv($"<line x1=\"{x:0.0}\" y1=\"0\" x2=\"{x:0.0}\" y2=\"{height - 14}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/><text x=\"{x:0.0}\" y=\"{height - 2}\" font-size=\"11\" text-anchor=\"middle\">80 %</text></svg>"));
    }

    /// <summary>Stacked bars: digitized / pending review / quarantined results per group.</summary>
    private static void StateChart(StringBuilder h, IReadOnlyList<DigitizationFigures> rows)
    {
        const int label = 300, bar = 400, rowHeight = 22;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Settled));
        h.Append(Inv($"<svg id=\"state-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + bar + 90}\" height=\"{rows.Count * rowHeight + 30}\" role=\"img\" aria-label=\"Results by state\">"));
        for (var i = 0; i < rows.Count; i++)
        {
            var y = i * rowHeight + 4;
            double x = label;
            h.Append(Inv($"<text x=\"{label - 6}\" y=\"{y + 14}\" text-anchor=\"end\" font-size=\"12\">{E(Short(rows[i].Group))}</text>"));
            foreach (var (n, color) in new[] { (rows[i].Digitized, "#2e7d32"), (rows[i].PendingReview, "#f9a825"), (rows[i].Quarantined, "#c62828") })
            {
                var w = (double)n / max * bar;
                if (w > 0) h.Append(Inv($"<rect x=\"{x:0.0}\" y=\"{y}\" width=\"{w:0.0}\" height=\"16\" fill=\"{color}\"><title>{N(n)}</title></rect>"));
                x += w;
            }
            h.Append(Inv($"<text x=\"{x + 6:0.0}\" y=\"{y + 13}\" font-size=\"12\">{N(rows[i].Settled)}</text>"));
        }
        var legendY = rows.Count * rowHeight + 22;
        h.Append(Inv($"<rect x=\"{label}\" y=\"{legendY - 10}\" width=\"10\" height=\"10\" fill=\"#2e7d32\"/><text x=\"{label + 14}\" y=\"{legendY}\" font-size=\"11\">digitized</text>"));
        h.Append(Inv($"<rect x=\"{label + 90}\" y=\"{legendY - 10}\" width=\"10\" height=\"10\" fill=\"#f9a825\"/><text x=\"{label + 104}\" y=\"{legendY}\" font-size=\"11\">pending review</text>"));
        h.Append(Inv($"<rect x=\"{label + 210}\" y=\"{legendY - 10}\" width=\"10\" height=\"10\" fill=\"#c62828\"/><text x=\"{label + 224}\" y=\"{legendY}\" font-size=\"11\">quarantined</text></svg>"));
    }

    private static void DrillDownSections(StringBuilder h, DigitizationReport report)
    {
        h.Append("<h2>Hồ sơ phía sau số liệu / Records behind the figures</h2>");
        for (var i = 0; i < report.Rows.Count; i++)
        {
            foreach (var state in new[] { "quarantined", "pending-review" })
            {
                var records = report.GapRecords.Where(r => r.State == state && DigitizationReportBuilder.GroupOf(r, report.Query.By) == report.Rows[i].Group).ToList();
                if (records.Count == 0) continue;
                h.Append(Inv($"<details id=\"{state}-{i}\"><summary>{E(report.Rows[i].Group)} — {state}: {N(records.Count)}</summary>"));
                h.Append("<table><tr><th>Connector</th><th>Source record</th><th>Reason code</th><th>Reason</th><th>Type</th><th>Settled on</th></tr>");
                foreach (var r in records)
                {
                    h.Append(Inv($"<tr><td>{E(r.Connector)}</td><td>{E(r.SourceRef)}</td><td>{E(r.ReasonCode ?? "")}</td><td>{E(Core.Identity.PersonalDataMasking.Mask(r.Reason ?? ""))}</td>"));
                    h.Append(Inv($"<td>{E(r.DocumentType ?? "")}</td><td>{r.SettledOn:yyyy-MM-dd}</td></tr>"));
                }
                h.Append("</table></details>");
            }
        }
    }

    private static void Card(StringBuilder h, string id, string label, string value) => h.Append(Inv($"<div class=\"card\" id=\"card-{id}\">{E(label)}<b>{value}</b></div>"));

    private static string Period(ReportQuery q) =>
        q.From is null && q.To is null ? "toàn bộ / all" : $"{q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} .. {q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}";

    private static string Short(string s) => s.Length <= 42 ? s : s[..40] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
