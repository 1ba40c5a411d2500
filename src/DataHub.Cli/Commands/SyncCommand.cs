using System.CommandLine;
using DataHub.Connectors.Manifests;
using DataHub.Pipeline.Reporting;
using DataHub.Pipeline.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub sync [--connector NAME]...</c>: what the nightly job runs, now.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var connectors = new Option<string[]>("--connector", "-c") { Description = "Run only these connectors (default: all)", AllowMultipleArgumentsPerToken = false };
        var report = new Option<bool>("--report") { Description = "Print the digitization report (by document type) after the run" };
        var command = new Command("sync", "Pull settled results from agency systems, normalize, validate and publish them") { connectors, report };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var all = services.GetRequiredService<IReadOnlyList<ConnectorManifest>>();
            var selected = Select(all, parse.GetValue(connectors));
            var runner = services.GetRequiredService<SyncRunner>();
            using var progress = new ProgressLine();
            var results = await runner.RunAsync(selected, "manual", progress, ct);
            progress.Done();
            Output.RunTable.Write(Console.Out, results);
            foreach (var failed in results.Where(r => !r.Succeeded)) Console.Error.WriteLine($"datahub: connector {failed.Connector} failed: {failed.Error}");
            if (parse.GetValue(report))
            {
                var figures = services.GetRequiredService<DigitizationReportBuilder>().Build(new DataHub.Store.Catalog.ReportQuery(null, null, DataHub.Store.Catalog.ReportGrouping.Type));
                Console.Out.WriteLine();
                Console.Out.Write(DigitizationReportFormats.ToTable(figures));
            }
            return results.All(r => r.Succeeded) ? 0 : 1;
        });
        return command;
    }

    public static IReadOnlyList<ConnectorManifest> Select(IReadOnlyList<ConnectorManifest> all, string[]? names)
    {
        if (names is null || names.Length == 0) return all;
        var unknown = names.Where(n => all.All(m => m.Name != n)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown connector {string.Join(", ", unknown)} (known: {string.Join(", ", all.Select(m => m.Name))})");
        return all.Where(m => names.Contains(m.Name)).ToList();
    }
}
