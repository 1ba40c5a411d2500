using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DataHub.Pipeline.Reporting;
using DataHub.Pipeline.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub status [--format table|json]</c>: the scheduler health check — daemon and cluster nodes,
/// each connector's schedule state, running runs, and runs found stuck (which it ends as 'stuck').
/// Exit code 0 when healthy, 1 when degraded or unhealthy, for monitoring scripts.
/// </summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("status", "Scheduler health: daemon/cluster nodes, schedules, running and stuck runs") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = SchedulerServices.Client(parse);
            var report = await services.GetRequiredService<SchedulerHealth>().CheckAsync(ct);
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            }
            else Write(report);
            return report.Status == "healthy" ? 0 : 1;
        });
        return command;
    }

    private static void Write(SchedulerHealthReport r)
    {
        var o = Console.Out;
        o.WriteLine($"scheduler: {r.Status} — job store {r.Store}, daemon {(r.DaemonRunning ? "running" : "not running")}{(r.Error is null ? "" : ", " + r.Error)}");
        if (r.Nodes.Count > 0)
            TextTable.Write(o, ["node", "state", "last check-in (UTC)"], r.Nodes.Select(n => new[] { n.InstanceId, n.State, T(n.LastCheckInUtc) }).ToList());
        o.WriteLine();
        TextTable.Write(o, ["connector", "schedule", "time zone", "state", "next fire (UTC)", "previous fire (UTC)"],
            r.Connectors.Select(c => new[] { c.Connector, c.Cron ?? "", c.TimeZone ?? "", c.State, T(c.NextFireUtc), T(c.PreviousFireUtc) }).ToList());
        o.WriteLine();
        o.WriteLine($"running runs: {r.RunningRuns.Count}; stuck runs ended now: {r.StuckRuns.Count}");
        foreach (var run in r.RunningRuns.Concat(r.StuckRuns))
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {run.RunId} {run.Connector} on {run.Node}: {run.Status}, last progress {run.LastProgressAt:yyyy-MM-dd HH:mm:ss}Z"));
    }

    private static string T(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
