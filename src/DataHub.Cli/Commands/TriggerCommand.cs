using System.CommandLine;
using DataHub.Connectors.Manifests;
using DataHub.Pipeline.Scheduling;
using DataHub.Pipeline.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub trigger CONNECTOR [--partitions N] [--in-process]</c>: run a connector now through the
/// scheduler. The trigger goes into the shared job store, so whichever daemon node is free runs it — and
/// never beside a running sync of the same connector. <c>--partitions N</c> stores a backfill split into N
/// partition jobs that the cluster spreads over its nodes.
/// </summary>
internal static class TriggerCommand
{
    public static Command Create()
    {
        var connector = new Argument<string>("CONNECTOR") { Description = "Connector name" };
        var partitions = new Option<int>("--partitions") { Description = "Backfill split into N partition jobs (by stable hash of the source unit)", DefaultValueFactory = _ => 0 };
        var inProcess = new Option<bool>("--in-process") { Description = "No daemon running: run the sync in this process instead of storing a trigger" };
        var command = new Command("trigger", "Run a connector now through the scheduler (a running `datahub run` picks it up)") { connector, partitions, inProcess };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = SchedulerServices.Client(parse);
            var name = parse.GetValue(connector)!;
            var client = services.GetRequiredService<SchedulerClient>();
            if (!await SchedulerServices.DaemonRunningAsync(services, ct))
            {
                if (!parse.GetValue(inProcess))
                {
                    Console.Error.WriteLine($"datahub: no scheduler daemon serves this job store; start `datahub run`, or pass --in-process to run {name} here");
                    return 1;
                }
                var manifest = SyncCommand.Select(services.GetRequiredService<IReadOnlyList<ConnectorManifest>>(), [name])[0];
                var runner = services.GetRequiredService<SyncRunner>();
                var n = parse.GetValue(partitions);
                var results = n > 0
                    ? await Task.WhenAll(Enumerable.Range(0, n).Select(i => runner.RunConnectorAsync(manifest, $"trigger backfill {i + 1}/{n}", new UnitPartition(i, n), null, ct)))
                    : [await runner.RunConnectorAsync(manifest, "trigger", null, ct)];
                Output.RunTable.Write(Console.Out, results);
                return results.All(r => r.Succeeded) ? 0 : 1;
            }
            if (parse.GetValue(partitions) > 0)
            {
                var keys = await client.BackfillAsync(name, parse.GetValue(partitions), ct);
                Console.Out.WriteLine($"{name}: backfill stored as {keys.Count} partition jobs ({string.Join(", ", keys.Select(k => k.Name))})");
            }
            else
            {
                await client.TriggerAsync(name, ct);
                Console.Out.WriteLine($"{name}: triggered (see `datahub runs --connector {name}`)");
            }
            return 0;
        });
        return command;
    }
}
