using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DataHub.Cli.Bench;
using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub bench store --documents N</c>: the same N documents published to the filesystem store and to
/// Azurite in one run, over a sweep of concurrency levels. Azurite is restarted fresh (new folder, new
/// port) for each level because it slows down as its single metadata file grows.
/// </summary>
internal static class BenchStoreCommand
{
    public static Command Create()
    {
        var documents = new Option<int>("--documents") { Description = "Documents per level", DefaultValueFactory = _ => 100_000 };
        var levels = new Option<string>("--concurrency") { Description = "Comma-separated concurrency levels", DefaultValueFactory = _ => "1,4,16,32,64" };
        var work = new Option<string>("--work") { Description = "Scratch folder", DefaultValueFactory = _ => Path.Combine("bench", "out", "store") };
        var command = new Command("store", "Publish throughput: filesystem store vs. Azure Blob (Azurite) at several concurrency levels") { documents, levels, work };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(documents);
            var folder = Path.GetFullPath(parse.GetValue(work)!);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.CreateDirectory(folder);
            var benchmark = new BlobStoreBenchmark();
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"### Document store publish throughput — {DateTime.UtcNow:yyyy-MM-dd}");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"- command: `./datahub bench store --documents {n} --concurrency {parse.GetValue(levels)}`");
            report.AppendLine(CultureInfo.InvariantCulture, $"- machine: {MachineInfo.Describe(folder)}; Azurite 3.37.0 (Node.js), fresh instance per level");
            report.AppendLine();
            report.AppendLine("| concurrency | filesystem docs/s | Azurite docs/s | Azurite / filesystem |");
            report.AppendLine("|---:|---:|---:|---:|");
            foreach (var level in parse.GetValue(levels)!.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)))
            {
                Console.Error.WriteLine($"concurrency {level}: filesystem…");
                var fs = await benchmark.RunAsync(new FileSystemDocumentStore(Path.Combine(folder, $"fs-{level}")), n, level, ct);
                Console.Error.WriteLine($"concurrency {level}: Azurite…");
                var azuriteFolder = Path.Combine(folder, $"azurite-{level}");
                var connection = Azurite("start", azuriteFolder);
                try
                {
                    using var blob = new AzureBlobDocumentStore(connection, "bench");
                    var az = await benchmark.RunAsync(blob, n, level, ct);
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"| {level} | {fs.DocumentsPerSecond:N0} | {az.DocumentsPerSecond:N0} | {az.DocumentsPerSecond / fs.DocumentsPerSecond:P1} |");
                }
                finally
                {
                    Azurite("stop", azuriteFolder);
                }
            }
            Console.Out.Write(report.ToString());
            return 0;
        });
        return command;
    }

    private static string Azurite(string verb, string folder)
    {
        var home = Environment.GetEnvironmentVariable("DATAHUB_HOME") ?? Directory.GetCurrentDirectory();
        var info = new ProcessStartInfo(Path.Combine(home, "scripts", "azurite.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(folder);
        info.Environment["AZURITE_PORT"] = FreePort().ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/azurite.sh {verb} failed: {error.Trim()}");
        return output.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
