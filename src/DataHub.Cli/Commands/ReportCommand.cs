using System.CommandLine;
using DataHub.Core.Dates;
using DataHub.Pipeline.Reporting;
using DataHub.Store.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub report digitization [--from D] [--to D] [--by …] [--format table|json|csv|html] [--out FILE]</c></summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "First settlement date of the period (inclusive)" };
        var to = new Option<string?>("--to") { Description = "Last settlement date of the period (inclusive)" };
        var by = new Option<string>("--by") { Description = "agency, type, field, level, month or year", DefaultValueFactory = _ => "agency" };
        var format = new Option<string>("--format") { Description = "table, json, csv or html", DefaultValueFactory = _ => "table" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var digitization = new Command("digitization", "Digitization rate of settled results, with the gap by reason") { from, to, by, format, output };
        digitization.SetAction(async (parse, ct) =>
        {
            var query = new ReportQuery(Date(parse.GetValue(from), "--from"), Date(parse.GetValue(to), "--to"), DigitizationReportBuilder.ParseGrouping(parse.GetValue(by)));
            await using var services = CliContext.Services(parse);
            // The HTML page carries the gap records themselves, so an offline auditor can drill down.
            var report = services.GetRequiredService<DigitizationReportBuilder>().Build(query, parse.GetValue(format) == "html" ? 5000 : 0);
            var text = parse.GetValue(format) switch
            {
                "table" => DigitizationReportFormats.ToTable(report),
                "json" => DigitizationReportFormats.ToJson(report),
                "csv" => DigitizationReportFormats.ToCsv(report),
                "html" => DigitizationReportHtml.Render(report),
                var other => throw new ArgumentException($"--format {other}: use table, json, csv or html"),
            };
            if (parse.GetValue(output) is { } path) await File.WriteAllTextAsync(path, text, ct);
            else Console.Out.Write(text);
            return 0;
        });
        return new Command("report", "Reports for auditors") { digitization };
    }

    private static DateOnly? Date(string? raw, string option) =>
        raw is null ? null : VietnameseDate.TryParse(raw, out var d, out var why) ? d : throw new ArgumentException($"{option}: {why}");
}
