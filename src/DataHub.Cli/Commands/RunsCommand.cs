using System.CommandLine;
using System.Globalization;
using DataHub.Store.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub runs [--connector NAME] [--limit N]</c>: run history, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var connector = new Option<string?>("--connector", "-c") { Description = "Only this connector" };
        var limit = new Option<int>("--limit") { Description = "How many runs", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "Show the run history with counts and status per connector") { connector, limit };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var runs = services.GetRequiredService<ICatalog>().ListRuns(parse.GetValue(connector), parse.GetValue(limit));
            DataHub.Pipeline.Reporting.TextTable.Write(Console.Out, ["run", "connector", "trigger", "node", "started (UTC)", "status", "pulled", "published", "unchanged", "quarantined", "pending", "error"],
                runs.Select(r => new[]
                {
                    r.RunId.ToString(CultureInfo.InvariantCulture), r.Connector, r.Trigger, r.Node ?? "", r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Status,
                    N(r.Counts.Pulled), N(r.Counts.Published), N(r.Counts.Unchanged), N(r.Counts.Quarantined), N(r.Counts.PendingReview), r.Error ?? "",
                }).ToList());
            return 0;
        });
        return command;
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
