using System.CommandLine;
using System.Globalization;
using DataHub.Pipeline.Scheduling;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub bench cluster --connector NAME --postgres CONNSTR [--partitions 8] [--nodes 2]</c>: a partitioned
/// backfill on one node, then on N nodes (one worker each), against PostgreSQL; prints both and the ratio.
/// </summary>
internal static class BenchClusterCommand
{
    public static Command Create()
    {
        var connector = new Option<string>("--connector") { Description = "Connector to backfill", Required = true };
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string (a database per measurement is created there; scripts/postgres.sh start DIR prints one)", Required = true };
        var partitions = new Option<int>("--partitions") { Description = "Partition jobs", DefaultValueFactory = _ => 8 };
        var nodes = new Option<int>("--nodes") { Description = "Nodes of the scaled-out measurement", DefaultValueFactory = _ => 2 };
        var work = new Option<string?>("--work") { Description = "Folder for the nodes' data and logs (default: a temporary folder)" };
        var command = new Command("cluster", "Partitioned backfill on 1 node vs N nodes (Quartz cluster on PostgreSQL)") { connector, postgres, partitions, nodes, work };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(work) is { } w ? Directory.CreateDirectory(w).FullName : Directory.CreateTempSubdirectory("datahub-bench-cluster-").FullName;
            // Nodes are this very CLI build, started as separate processes.
            var entry = typeof(BenchClusterCommand).Assembly.Location;
            var bench = new ClusterBenchmark("dotnet", [entry], parse.GetValue(CliContext.Config) is { } c ? Path.GetFullPath(c) : null, parse.GetValue(postgres)!, dir, Console.Error);
            var name = parse.GetValue(connector)!;
            var n = parse.GetValue(nodes);
            var p = parse.GetValue(partitions);
            var one = await bench.MeasureAsync(name, 1, p, ct);
            Print(one);
            var many = await bench.MeasureAsync(name, n, p, ct);
            Print(many);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scaling 1 -> {n} nodes: {one.WallClock.TotalSeconds / many.WallClock.TotalSeconds:0.00}x (logs and data in {dir})"));
            return one.AllSucceeded && many.AllSucceeded ? 0 : 1;
        });
        return command;
    }

    private static void Print(ClusterBenchmarkResult r) => Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{r.Nodes} node(s): {r.Records:N0} records in {r.Partitions} partitions, {r.WallClock.TotalSeconds:0.0} s wall clock, {r.RecordsPerSecond:N2} records/s; partitions per node: {string.Join(", ", r.PartitionsPerNode.OrderBy(x => x.Key).Select(x => $"{x.Key} {x.Value}"))}{(r.AllSucceeded ? "" : " — SOME PARTITIONS FAILED")}"));
}
