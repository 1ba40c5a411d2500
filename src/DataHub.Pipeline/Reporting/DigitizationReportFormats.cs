using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Pipeline.Reporting;

/// <summary>The report as text table, JSON and CSV (the same figures in each); HTML is <see cref="DigitizationReportHtml"/>.</summary>
public static class DigitizationReportFormats
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToJson(DigitizationReport report)
    {
        var shaped = new
        {
            title = "Báo cáo số hóa kết quả giải quyết thủ tục hành chính (digitization report)",
            period = new { from = report.Query.From, to = report.Query.To },
            groupedBy = report.Query.By,
            generatedAt = report.GeneratedAt,
            rows = report.Rows.Select(r => Row(r, report.Query)),
            total = Row(report.Total, report.Query),
            gaps = report.Gaps,
            records = new
            {
                pulled = report.RecordsPulled,
                byState = report.Records.ToDictionary(r => r.State, r => r.Records),
            },
            ocrAccuracy = report.OcrAccuracy is { } a
                ? new { reviewedSamples = a.Samples, fieldsChecked = a.FieldsChecked, fieldsCorrected = a.FieldsCorrected, accuracy = a.Accuracy, machineConfidence = a.MachineConfidence }
                : null,
        };
        return JsonSerializer.Serialize(shaped, Json);
    }

    private static object Row(DigitizationFigures r, Store.Catalog.ReportQuery q) => new
    {
        group = r.Group, settled = r.Settled, digitized = r.Digitized, rate = Math.Round(r.Rate, 4), pendingReview = r.PendingReview,
        quarantined = r.Quarantined, digitizedByOcr = r.DigitizedByOcr, ocrShare = Math.Round(r.OcrShare, 4),
        reusedDocuments = r.ReusedDocuments, reuseShare = Math.Round(r.ReuseShare, 4), servings = r.Servings,
        // Drill-down: the API path that lists the ledger records behind the gap figures of this group.
        records = r.Group == "total" ? null : new
        {
            quarantined = DrillDown.Path(q, r.Group, "quarantined"),
            pendingReview = DrillDown.Path(q, r.Group, "pending-review"),
            digitized = DrillDown.Path(q, r.Group, "published"),
        },
    };

    public static string ToCsv(DigitizationReport report)
    {
        var csv = new StringBuilder();
        csv.AppendLine("group,settled,digitized,rate,pending_review,quarantined,digitized_by_ocr,ocr_share,reused_documents,reuse_share,servings");
        foreach (var r in report.Rows.Append(report.Total))
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Escape(r.Group)},{r.Settled},{r.Digitized},{r.Rate:0.0000},{r.PendingReview},{r.Quarantined},{r.DigitizedByOcr},{r.OcrShare:0.0000},{r.ReusedDocuments},{r.ReuseShare:0.0000},{r.Servings}"));
        return csv.ToString();
    }

    public static string ToTable(DigitizationReport report)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var q = report.Query;
        text.WriteLine("Báo cáo số hóa kết quả giải quyết TTHC — Digitization report");
        text.WriteLine($"Period (settlement date): {(q.From is null && q.To is null ? "all" : $"{Day(q.From)} .. {Day(q.To)}")}; by {q.By.ToString().ToLowerInvariant()}");
        text.WriteLine();
        var rows = report.Rows.Append(report.Total).Select(r => new[]
        {
            r.Group, N(r.Settled), N(r.Digitized), P(r.Rate), N(r.PendingReview), N(r.Quarantined), N(r.DigitizedByOcr), P(r.OcrShare),
            N(r.ReusedDocuments), P(r.ReuseShare), N(r.Servings),
        }).ToList();
        TextTable.Write(text, ["group", "settled", "digitized", "rate", "pending review", "quarantined", "by OCR", "OCR share", "reused", "reuse share", "served"], rows, 1);
        text.WriteLine();
        text.WriteLine("Not digitized, by reason (results):");
        TextTable.Write(text, ["state", "reason", "results"], report.Gaps.Select(g => new[] { g.State, g.ReasonCode, N(g.Results) }).ToList(), 2);
        text.WriteLine();
        var byState = report.Records.ToDictionary(r => r.State, r => r.Records);
        long S(string s) => byState.GetValueOrDefault(s);
        if (report.OcrAccuracy is { Samples: > 0 } accuracy)
            text.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"OCR field accuracy on {N(accuracy.Samples)} reviewed random samples: {accuracy.Accuracy:P1} of {N(accuracy.FieldsChecked)} fields kept as read (machine mean confidence {accuracy.MachineConfidence:0.0})"));
        text.WriteLine($"Source records: {N(report.RecordsPulled)} pulled = {N(S("published"))} published + {N(S("unchanged"))} unchanged + {N(S("quarantined"))} quarantined + {N(S("pending-review"))} pending review");
        return text.ToString();
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";

    private static string P(double share) => share.ToString("P1", CultureInfo.InvariantCulture);

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
