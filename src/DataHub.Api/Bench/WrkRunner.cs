using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DataHub.Api.Bench;

/// <summary>Runs Debian's <c>wrk</c> (closed loop, fixed connections) and reads requests/s and the latency distribution it prints.</summary>
public static partial class WrkRunner
{
    public static async Task<LoadResult> RunAsync(Uri url, string? luaScript, IReadOnlyDictionary<string, string> headers, int threads, int connections, TimeSpan duration, string name)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t" + threads, "-c" + connections, "-d" + (int)duration.TotalSeconds + "s", "--latency" }) start.ArgumentList.Add(a);
        foreach (var (k, v) in headers) { start.ArgumentList.Add("-H"); start.ArgumentList.Add($"{k}: {v}"); }
        if (luaScript is not null) { start.ArgumentList.Add("-s"); start.ArgumentList.Add(luaScript); }
        start.ArgumentList.Add(url.AbsoluteUri);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed ({process.ExitCode}): {error.Trim()}");

        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var rps = double.Parse(Rate().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(name, "wrk", $"{threads} thread, {connections} connections, {(int)duration.TotalSeconds} s", requests, rps,
            Latency(output, "50"), Latency(output, "99"), non2xx);
    }

    private static double Latency(string output, string percentile)
    {
        var m = Regex.Match(output, @"^\s+" + percentile + @"%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!m.Success) throw new InvalidOperationException($"wrk printed no {percentile}% latency");
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rate();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
