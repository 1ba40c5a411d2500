using System.CommandLine;
using System.Globalization;
using DataHub.Cli.Bench;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub bench sync --records N</c> and its hidden helper <c>bench raw-write</c>.</summary>
internal static class BenchSyncCommand
{
    public static Command Create()
    {
        var records = new Option<long>("--records") { Description = "Records to sync", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Sample seed", DefaultValueFactory = _ => 49 };
        var work = new Option<string>("--work") { Description = "Scratch folder (deleted and recreated)", DefaultValueFactory = _ => Path.Combine("bench", "out", "sync") };
        var delta = new Option<double>("--delta") { Description = "Share of records in the nightly delta", DefaultValueFactory = _ => 0.01 };
        var batch = new Option<int>("--batch") { Description = "Records per durable batch", DefaultValueFactory = _ => 2000 };
        var nights = new Option<int>("--nights") { Description = "Nightly deltas in a row (the catalog merges its recent level every few nights)", DefaultValueFactory = _ => 1 };
        var results = new Option<string?>("--results") { Description = "Append the markdown result to this file (e.g. bench/RESULTS.md)" };
        var command = new Command("sync", "Full sync of N records vs. a raw-write baseline of the same files, plus nightly deltas of 1 %") { records, seed, work, delta, batch, nights, results };
        command.SetAction(async (parse, ct) =>
        {
            var benchmark = new SyncBenchmark(parse.GetValue(records), parse.GetValue(seed), Path.GetFullPath(parse.GetValue(work)!), parse.GetValue(delta), parse.GetValue(batch),
                Math.Max(1, parse.GetValue(nights)), Console.Error);
            var markdown = await benchmark.RunAsync(ct);
            Console.Out.Write(markdown);
            if (parse.GetValue(results) is { } file) await File.AppendAllTextAsync(file, Environment.NewLine + markdown, ct);
            benchmark.DeletePreviousRuns();
            return 0;
        });
        return command;
    }

    public static Command CreateRawWrite()
    {
        var like = new Option<string>("--like") { Required = true, Description = "Folder whose files to imitate" };
        var output = new Option<string>("--out") { Required = true, Description = "Where to write" };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 10000, Description = "Files per syncfs" };
        var command = new Command("raw-write", "Baseline: write files of the same sizes and layout, nothing else") { like, output, batch };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var (elapsed, files, bytes) = RawWriteBaseline.Run(parse.GetValue(like)!, parse.GetValue(output)!, Math.Max(2, Environment.ProcessorCount), parse.GetValue(batch));
            Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.000} {files} {bytes}"));
            return 0;
        });
        return command;
    }
}
