using System.Diagnostics;
using DataHub.Pipeline.Hosting;
using DataHub.Store.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// <c>datahub bench cluster</c>: the same partitioned backfill on a one-node and on an N-node cluster, each
/// node a real <c>datahub run</c> process with one worker (one Quartz thread, <c>Sync:Parallelism=1</c>, one
/// OCR engine — a node otherwise sizes its engine pool to every core of the machine and one node alone fills it),
/// all on one PostgreSQL (a fresh database per measurement) — so the ratio shows what Quartz clustering
/// spreads, not what extra threads do inside one node.
/// </summary>
public sealed class ClusterBenchmark(string nodeCommand, IReadOnlyList<string> nodeArguments, string? configPath, string postgres, string workDirectory, TextWriter log)
{
    public async Task<ClusterBenchmarkResult> MeasureAsync(string connector, int nodes, int partitions, CancellationToken ct)
    {
        var database = $"datahub_bench_{nodes}n_{DateTime.UtcNow:HHmmss}";
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
        var data = Path.Combine(workDirectory, database);
        var overrides = new Dictionary<string, string?>
        {
            ["Catalog:Kind"] = "postgresql", ["Catalog:ConnectionString"] = connectionString,
            ["Scheduler:Store"] = "postgresql", ["Scheduler:ConnectionString"] = connectionString,
            ["Scheduler:MaxConcurrency"] = "1", ["Sync:Parallelism"] = "1", ["Ocr:Workers"] = "1", ["Scheduler:IdleWaitTime"] = "00:00:01",
            ["Cluster:CheckinInterval"] = "00:00:02",
        };

        var processes = new List<Process>();
        try
        {
            for (var i = 1; i <= nodes; i++) processes.Add(StartNode($"bench-node-{i}", data, overrides));
            await using var client = Client(data, overrides);
            var scheduler = await client.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while ((await scheduler.QueryClusterNodes(ct)).Count(n => !n.IsCurrentNode && n.State == ClusterNodeState.Alive) < nodes)
            {
                if (DateTime.UtcNow > deadline || processes.Any(p => p.HasExited)) throw new InvalidOperationException($"the {nodes} bench nodes did not all join the cluster within 2 minutes");
                await Task.Delay(500, ct);
            }
            await client.GetRequiredService<SchedulerClient>().BackfillAsync(connector, partitions, ct);
            log.WriteLine($"  {nodes} node(s): {partitions} partitions of {connector} stored");

            var catalog = client.GetRequiredService<ICatalog>();
            IReadOnlyList<RunRecord> runs;
            while (true)
            {
                runs = catalog.ListRuns(connector, 10_000).Where(r => r.Trigger.StartsWith("backfill ", StringComparison.Ordinal)).ToList();
                if (runs.Count(r => r.Status != "running") >= partitions) break;
                if (processes.All(p => p.HasExited)) throw new InvalidOperationException("every bench node exited before the backfill finished");
                await Task.Delay(500, ct);
            }
            var wall = runs.Max(r => r.FinishedAt!.Value) - runs.Min(r => r.StartedAt);
            var perNode = runs.GroupBy(r => r.Node ?? "?").ToDictionary(g => g.Key, g => g.Count());
            return new ClusterBenchmarkResult(nodes, partitions, runs.Sum(r => r.Counts.Pulled), wall, perNode, runs.All(r => r.Status == "succeeded"));
        }
        finally
        {
            foreach (var p in processes.Where(p => !p.HasExited))
            {
                using var term = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync(CancellationToken.None);
            }
            foreach (var p in processes)
            {
                if (!p.WaitForExit(60_000)) p.Kill(entireProcessTree: true);
                p.Dispose();
            }
        }
    }

    private Process StartNode(string node, string data, Dictionary<string, string?> overrides)
    {
        var info = new ProcessStartInfo(nodeCommand) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in nodeArguments) info.ArgumentList.Add(a);
        info.ArgumentList.Add("run");
        if (configPath is not null) { info.ArgumentList.Add("--config"); info.ArgumentList.Add(configPath); }
        info.ArgumentList.Add("--data");
        info.ArgumentList.Add(data);
        foreach (var (k, v) in overrides) info.Environment["DATAHUB__" + k.Replace(":", "__", StringComparison.Ordinal)] = v;
        info.Environment["DATAHUB__Cluster__NodeName"] = node;
        var process = Process.Start(info)!;
        // Drain the node's log so it never blocks on a full pipe; keep it for a post-mortem.
        var file = new StreamWriter(Path.Combine(Directory.CreateDirectory(data).FullName, node + ".log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (file) file.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (file) file.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (file) file.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private ServiceProvider Client(string data, Dictionary<string, string?> overrides)
    {
        var (configuration, paths) = DataHubConfiguration.Build(configPath, data, overrides);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddFilter("Quartz", LogLevel.Error));
        services.AddDataHub(configuration, paths);
        services.AddDataHubScheduler(configuration, paths, daemon: false);
        return services.BuildServiceProvider();
    }
}
