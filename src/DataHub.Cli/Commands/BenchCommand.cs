using System.CommandLine;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub bench …</c>: benchmarks, each side by side with its baseline in one run.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks (results go to bench/RESULTS.md)") { BenchSyncCommand.Create(), BenchSyncCommand.CreateRawWrite(), BenchOcrCommand.Create(), BenchStoreCommand.Create(), BenchClusterCommand.Create(), BenchConnectorsCommand.Create(), Api() };

    /// <summary><c>datahub bench api</c>: citizen lookup vs a trivial endpoint on one server, wrk + fixed rate (logic in DataHub.Api.Bench).</summary>
    private static Command Api()
    {
        var documents = new Option<int>("--documents") { Description = "Synthetic documents in the bench catalog", DefaultValueFactory = _ => 1_000_000 };
        var seconds = new Option<int>("--seconds") { Description = "Duration of each measured run", DefaultValueFactory = _ => 20 };
        var connections = new Option<int>("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 16 };
        var rate = new Option<int>("--rate") { Description = "Fixed request rate of the open-loop run", DefaultValueFactory = _ => 1000 };
        var folder = new Option<string?>("--bench-data") { Description = "Bench catalog folder (default bench/out/api under the DataHub folder)" };
        var command = new Command("api", "Lookup API under load: 1 M documents, access log on (needs wrk)") { documents, seconds, connections, rate, folder };
        command.SetAction(async (parse, ct) =>
        {
            var (_, paths) = DataHub.Pipeline.Hosting.DataHubConfiguration.Build(parse.GetValue(CliContext.Config), null);
            await DataHub.Api.Bench.ApiBenchmark.RunAsync(paths.Home, new DataHub.Api.Bench.ApiBenchmarkOptions
            {
                DataFolder = parse.GetValue(folder) ?? paths.Resolve("bench/out/api"),
                Documents = parse.GetValue(documents),
                Duration = TimeSpan.FromSeconds(parse.GetValue(seconds)),
                Connections = parse.GetValue(connections),
                FixedRate = parse.GetValue(rate),
            }, Console.Out, ct);
            return 0;
        });
        return command;
    }
}
