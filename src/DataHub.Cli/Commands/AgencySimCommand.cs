using System.CommandLine;
using System.Globalization;
using DataHub.AgencySimulator;
using DataHub.Pipeline.Hosting;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub agency-sim</c>: the sample agencies over REST and SOAP on loopback, with injectable
/// latency, faults and down agencies — for demos, tests and benchmarks of the network connectors.
/// </summary>
internal static class AgencySimCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Address to listen on (loopback only)", DefaultValueFactory = _ => "http://127.0.0.1:5090" };
        var samples = new Option<string>("--samples") { Description = "Sample exports to serve (default: samples/ of the DataHub folder)" };
        var latency = new Option<int>("--latency-ms") { Description = "Added latency per request" };
        var errorRate = new Option<double>("--error-rate") { Description = "Share (0–1) of requests answered with a fault" };
        var faults = new Option<string[]>("--faults") { Description = "Fault kinds to draw from (default all): " + string.Join(", ", Enum.GetNames<FaultKind>()), AllowMultipleArgumentsPerToken = true };
        var down = new Option<string[]>("--down") { Description = "Agencies that answer 503 to everything: civil-status, business-registration, land-registry" };
        var retryAfter = new Option<int>("--retry-after") { Description = "Retry-After seconds sent with 429", DefaultValueFactory = _ => 2 };
        var hang = new Option<double>("--hang-seconds") { Description = "How long a hung request stays open", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fault draw", DefaultValueFactory = _ => 4 };
        var command = new Command("agency-sim", "Serve the sample agencies over REST (OAuth2 / API key) and SOAP (WS-Security) with injectable faults")
            { urls, samples, latency, errorRate, faults, down, retryAfter, hang, seed };
        command.SetAction(async (parse, ct) =>
        {
            var (_, paths) = DataHubConfiguration.Build(parse.GetValue(CliContext.Config), parse.GetValue(CliContext.Data));
            var rate = parse.GetValue(errorRate);
            if (rate is < 0 or > 1) throw new ArgumentException("--error-rate must be between 0 and 1");
            var kinds = (parse.GetValue(faults) ?? []).SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(f => Enum.TryParse<FaultKind>(f, ignoreCase: true, out var k) ? k : throw new ArgumentException($"unknown fault kind '{f}' (known: {string.Join(", ", Enum.GetNames<FaultKind>())})"))
                .ToList();
            var options = new SimulatorOptions
            {
                Url = parse.GetValue(urls)!,
                SamplesFolder = parse.GetValue(samples) is { } s ? Path.GetFullPath(s) : paths.Resolve("samples"),
                LatencyMs = parse.GetValue(latency),
                ErrorRate = rate,
                Faults = kinds.Count > 0 ? kinds : Enum.GetValues<FaultKind>(),
                Down = parse.GetValue(down) ?? [],
                RetryAfterSeconds = parse.GetValue(retryAfter),
                HangSeconds = parse.GetValue(hang),
                Seed = parse.GetValue(seed),
            };
            await using var server = await AgencySimulatorServer.StartAsync(options, ct);
            foreach (var (name, agency) in server.Agencies) Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {agency.Count:N0} records"));
            Console.Out.WriteLine($"agency simulator listening on {server.BaseAddress} (error rate {rate:P0}, latency {options.LatencyMs} ms{(options.Down.Count > 0 ? ", down: " + string.Join(", ", options.Down) : "")}); Ctrl+C stops");
            Console.Out.WriteLine("manifests for it: connectors-network/ (sync them with a datahub.json whose Connectors:Folder is connectors-network)");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return command;
    }
}
