using System.Diagnostics;
using System.Globalization;

namespace DataHub.Cli.Bench;

/// <summary>
/// Runs a command as a child process and measures its wall time and peak resident memory (VmHWM from
/// /proc, sampled until exit), so the benchmark's own memory never pollutes the figure.
/// </summary>
internal static class ChildProcessMeter
{
    public sealed record Measurement(TimeSpan Elapsed, long PeakRssBytes, int ExitCode, string Stdout, string Stderr);

    public static async Task<Measurement> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string> environment, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(process.Id));
            await Task.Delay(50, ct);
        }
        await process.WaitForExitAsync(ct);
        clock.Stop();
        return new Measurement(clock.Elapsed, peak, process.ExitCode, await stdout, await stderr);
    }

    private static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }
}
