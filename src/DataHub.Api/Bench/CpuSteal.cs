using System.Globalization;

namespace DataHub.Api.Bench;

/// <summary>
/// The share of this virtual machine's CPU time the hypervisor gave to others while a phase ran (the "steal" column
/// of Linux's <c>/proc/stat</c>). On a shared host it moves latency percentiles more than anything the server does:
/// the same build's lookup p99 at 1,000 req/s measured 6 ms with 13 % stolen and 22–32 ms with 39 % (bench/RESULTS.md,
/// eleventh session). Null where the figure is not available.
/// </summary>
public sealed class CpuSteal
{
    private readonly (long Steal, long Total)? _start = Read();

    /// <summary>Percent of CPU time stolen since this was created.</summary>
    public double? Percent()
    {
        var end = Read();
        if (_start is not { } start || end is not { } now || now.Total <= start.Total) return null;
        return 100.0 * (now.Steal - start.Steal) / (now.Total - start.Total);
    }

    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice" (guest time is already in user and nice).
    private static (long Steal, long Total)? Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 9 || fields[0] != "cpu") return null;
            var times = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (times[7], times.Sum());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
