using System.Diagnostics;
using System.Globalization;

namespace DataHub.Cli.Bench;

/// <summary>
/// Runs a command as a child process and measures its wall time and peak resident memory, so the benchmark's own
/// memory never pollutes the figure. The peak is the larger of VmHWM sampled from /proc every 50 ms and the peak the
/// child reports itself as it exits (<see cref="PeakMemoryReport"/>, which the CLI does): sampling alone missed what
/// happens in a child's last 50 ms (a million-record sync measured 282–287 MiB so, 314–327 MiB by
/// <c>/usr/bin/time</c>; bench/RESULTS.md, fourteenth session).
/// </summary>
internal static class ChildProcessMeter
{
    public sealed record Measurement(TimeSpan Elapsed, long PeakRssBytes, int ExitCode, string Stdout, string Stderr);

    public static async Task<Measurement> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string> environment, CancellationToken ct)
    {
        var report = Path.Combine(Path.GetTempPath(), "datahub-peak-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) info.ArgumentList.Add(a);
            foreach (var (k, v) in environment) info.Environment[k] = v;
            info.Environment[PeakMemoryReport.EnvironmentVariable] = report;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            long peak = 0;
            while (!process.HasExited)
            {
                peak = Math.Max(peak, PeakMemoryReport.HighWaterMark(process.Id.ToString(CultureInfo.InvariantCulture)));
                await Task.Delay(50, ct);
            }
            await process.WaitForExitAsync(ct);
            clock.Stop();
            peak = Math.Max(peak, PeakMemoryReport.Read(report));
            return new Measurement(clock.Elapsed, peak, process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
