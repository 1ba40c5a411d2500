using System.CommandLine;
using System.Globalization;
using DataHub.Cli.Samples;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub samples --count N --seed S --out DIR</c>: the deterministic sample agency exports.</summary>
internal static class SamplesCommand
{
    public static Command Create()
    {
        var count = new Option<long>("--count") { Description = "Records to generate (all agencies)", DefaultValueFactory = _ => 3000 };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same files)", DefaultValueFactory = _ => 49 };
        var output = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "samples" };
        var first = new Option<long>("--first-sequence") { Description = "Sequence number of the first record (a delta continues after the base)", DefaultValueFactory = _ => 0 };
        var corrections = new Option<long>("--corrections") { Description = "Late corrections of earlier records (needs --first-sequence > 0)", DefaultValueFactory = _ => 0 };
        var perFile = new Option<int>("--records-per-file") { Description = "Records per export file", DefaultValueFactory = _ => 50_000 };
        var badRate = new Option<double>("--bad-rate") { Description = "Share of bad records", DefaultValueFactory = _ => 0.02 };
        var intact = new Option<bool>("--no-broken-files") { Description = "Close every file properly (no truncated export at the end)" };
        var command = new Command("samples", "Generate sample agency exports (civil status JSON, land registry XML, business registration CSV)")
            { count, seed, output, first, corrections, perFile, badRate, intact };
        command.SetAction(parse =>
        {
            var request = new SampleRequest(parse.GetValue(output)!, parse.GetValue(count), parse.GetValue(seed), parse.GetValue(first),
                parse.GetValue(corrections), parse.GetValue(perFile), parse.GetValue(badRate), !parse.GetValue(intact));
            if (request.Count < 0 || request.RecordsPerFile < 1 || request.BadRate is < 0 or > 1) throw new ArgumentException("--count, --records-per-file and --bad-rate must be positive (bad rate at most 1)");
            var summary = new SampleGenerator(request).Generate();
            foreach (var (agency, n) in summary.Records.OrderBy(x => x.Key)) Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agency}: {n:N0} records"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bad records: {summary.Bad.Values.Sum():N0} ({string.Join(", ", summary.Bad.OrderBy(b => b.Key).Select(b => $"{b.Key} {b.Value}"))})"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"legacy TCVN3 rows: {summary.LegacyEncoded:N0}; late corrections: {summary.Corrections:N0}; files broken off: {summary.BrokenFiles}"));
            return 0;
        });
        return command;
    }
}
