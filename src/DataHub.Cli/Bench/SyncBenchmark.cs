using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DataHub.Cli.Samples;

namespace DataHub.Cli.Bench;

/// <summary>
/// <c>datahub bench sync</c>: a full sync of N generated records into the embedded store, side by side
/// with the raw-write baseline of the same output files, then nightly deltas of 1 % (one, or several nights in a
/// row: small runs wait in the catalog's recent level and every few nights one merges it). Every side runs as
/// its own child process so peak memory is the process's own.
/// </summary>
internal sealed class SyncBenchmark(long records, int seed, string workFolder, double deltaShare, int batchSize, int nights, TextWriter log)
{
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var home = Path.Combine(workFolder, "home");
        if (Directory.Exists(workFolder)) MovePreviousRunAside(workFolder);
        var repo = Environment.GetEnvironmentVariable("DATAHUB_HOME") ?? Directory.GetCurrentDirectory();
        CopyManifests(Path.Combine(repo, "connectors"), Path.Combine(home, "connectors"));
        var machine = MachineInfo.Describe(workFolder);

        log.WriteLine($"generating {records:N0} records…");
        var samples = Path.Combine(home, "samples");
        new SampleGenerator(new SampleRequest(samples, records, seed, BreakLastFile: false)).Generate();
        var inputBytes = Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        var environment = new Dictionary<string, string>
        {
            ["DATAHUB_HOME"] = home,
            ["DATAHUB__Schemas__Folder"] = Path.Combine(repo, "schemas"),
            ["DATAHUB__Sync__BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["OMP_THREAD_LIMIT"] = "1",
        };
        var self = Environment.ProcessPath!;
        string[] Cli(params string[] args) => [typeof(SyncBenchmark).Assembly.Location, .. args];

        await FlushFileSystemsAsync(ct);
        log.WriteLine("full sync…");
        var full = await ChildProcessMeter.RunAsync(self, Cli("sync", "--data", Path.Combine(home, "data")), environment, ct);
        Check(full, "sync");
        await FlushFileSystemsAsync(ct);
        log.WriteLine("raw-write baseline…");
        var rawOut = Path.Combine(workFolder, "raw");
        var raw = await ChildProcessMeter.RunAsync(self, Cli("bench", "raw-write", "--like", Path.Combine(home, "data", "store"), "--out", rawOut,
            "--batch", (batchSize * 2).ToString(CultureInfo.InvariantCulture)), environment, ct);
        Check(raw, "raw-write");
        var rawFigures = raw.Stdout.Split(' ');
        var rawSeconds = double.Parse(rawFigures[0], CultureInfo.InvariantCulture);
        var files = long.Parse(rawFigures[1], CultureInfo.InvariantCulture);
        var bytes = long.Parse(rawFigures[2], CultureInfo.InvariantCulture);

        var deltaRecords = (long)Math.Round(records * deltaShare);
        var corrections = Math.Max(1, deltaRecords / 10);
        var deltas = new List<(ChildProcessMeter.Measurement Run, long Pulled)>();
        for (var night = 0; night < nights; night++)
        {
            log.WriteLine($"nightly delta {night + 1} of {nights}: {deltaRecords - corrections:N0} new + {corrections:N0} corrections…");
            // Each night's new records follow the last night's; its corrections are of records picked afresh.
            new SampleGenerator(new SampleRequest(samples, deltaRecords - corrections, seed, FirstSequence: records + night * (deltaRecords - corrections),
                Corrections: corrections, BreakLastFile: false, CorrectionSeed: night == 0 ? null : seed + 1 + night)).Generate();
            await FlushFileSystemsAsync(ct);
            var run = await ChildProcessMeter.RunAsync(self, Cli("sync", "--data", Path.Combine(home, "data")), environment, ct);
            Check(run, "delta sync");
            deltas.Add((run, Pulled(run.Stdout)));
        }

        var pulledFull = Pulled(full.Stdout);
        var fullRate = pulledFull / full.Elapsed.TotalSeconds;
        var rawRate = pulledFull / rawSeconds;
        var report = new StringBuilder();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        report.AppendLine(CultureInfo.InvariantCulture, $"### Sync into the embedded store — {today}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- command: `./datahub bench sync --records {records} --seed {seed} --batch {batchSize}{(nights > 1 ? $" --nights {nights}" : "")}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"- machine: {machine}");
        report.AppendLine(CultureInfo.InvariantCulture, $"- input: {records:N0} records in {inputBytes / 1048576.0:N1} MiB of JSON/XML/CSV; output: {files:N0} files, {bytes / 1048576.0:N1} MiB");
        report.AppendLine();
        report.AppendLine("| run | records | wall time | records/s | peak RSS | share of baseline |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| DataHub full sync (process wall time) | {pulledFull:N0} | {full.Elapsed.TotalSeconds:N1} s | {fullRate:N0} | {full.PeakRssBytes / 1048576.0:N0} MiB | {fullRate / rawRate:P0} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| raw-write baseline (write time only) | {pulledFull:N0} | {rawSeconds:N1} s | {rawRate:N0} | {raw.PeakRssBytes / 1048576.0:N0} MiB | 100 % |");
        for (var night = 0; night < deltas.Count; night++)
        {
            var (run, pulled) = deltas[night];
            var name = deltas.Count == 1 ? $"nightly delta ({deltaShare:P0})" : $"nightly delta ({deltaShare:P0}), night {night + 1}";
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {pulled:N0} | {run.Elapsed.TotalSeconds:N1} s | {pulled / run.Elapsed.TotalSeconds:N0} | {run.PeakRssBytes / 1048576.0:N0} MiB | delta/full time: {run.Elapsed.TotalSeconds / full.Elapsed.TotalSeconds:P1} |");
        }
        if (deltas.Count > 1)
        {
            var mean = deltas.Average(d => d.Run.Elapsed.TotalSeconds);
            report.AppendLine(CultureInfo.InvariantCulture, $"| nightly delta, mean of {deltas.Count} nights | {deltas.Average(d => d.Pulled):N0} | {mean:N1} s | | | delta/full time: {mean / full.Elapsed.TotalSeconds:P1} |");
        }
        return report.ToString();
    }

    /// <summary>
    /// Moves the previous run's output aside instead of deleting it: it is deleted after this run's
    /// measurements (<see cref="DeletePreviousRuns"/>). On ext4 without a journal, creating an inode skips
    /// every inode freed in the last 5 s — 300 s while its inode table block is dirty, which new files
    /// keep it — and each skip is a buffer lookup; right after a million files are deleted whichever side
    /// runs first pays for it (measured: the same 100k-record sync took 41 s instead of 25 s, and the
    /// raw writer 17 s instead of 8 s).
    /// </summary>
    private static void MovePreviousRunAside(string folder)
    {
        var full = Path.GetFullPath(folder);
        Directory.Move(full, $"{full}.previous-{DateTime.UtcNow:yyyyMMddHHmmss}");
    }

    /// <summary>
    /// Deletes earlier runs' folders, once this run's figures are out: a million-record run leaves ~4 million
    /// inodes, and deleting them took longer than the whole benchmark (session 9: over 15 minutes).
    /// </summary>
    public void DeletePreviousRuns()
    {
        var full = Path.GetFullPath(workFolder);
        foreach (var previous in Directory.GetDirectories(Path.GetDirectoryName(full)!, Path.GetFileName(full) + ".previous-*"))
        {
            log.WriteLine($"deleting {previous}…");
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>
    /// Every side flushes its own writes (one <c>syncfs</c> per batch), and a <c>syncfs</c> also waits for
    /// whatever else is dirty on the file system: without this, the full sync's first batches paid for
    /// writing back the 740 MiB of samples generated just before it, which the baseline after it never did.
    /// </summary>
    private async Task FlushFileSystemsAsync(CancellationToken ct)
    {
        log.WriteLine("flushing file systems…");
        using var flush = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sync") { UseShellExecute = false })
            ?? throw new InvalidOperationException("sync did not start");
        await flush.WaitForExitAsync(ct);
    }

    private static long Pulled(string stdout)
    {
        var match = Regex.Match(stdout, @"total: ([\d,]+) pulled");
        return match.Success ? long.Parse(match.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) : 0;
    }

    private static void Check(ChildProcessMeter.Measurement m, string what)
    {
        if (m.ExitCode != 0) throw new InvalidOperationException($"{what} failed (exit {m.ExitCode}): {m.Stderr.Trim()}");
    }

    private static void CopyManifests(string from, string to)
    {
        foreach (var manifest in Directory.GetFiles(from, "connector.json", SearchOption.AllDirectories))
        {
            // The benchmark syncs the generated agency exports: only file-drop connectors take part.
            if (!System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(manifest), "\"kind\"\\s*:\\s*\"fileDrop\"")) continue;
            var target = Path.Combine(to, Path.GetFileName(Path.GetDirectoryName(manifest)!));
            Directory.CreateDirectory(target);
            File.Copy(manifest, Path.Combine(target, "connector.json"));
        }
    }
}
