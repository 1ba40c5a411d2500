using System.Globalization;

namespace DataHub.Cli.Bench;

/// <summary>
/// A CLI process's own peak resident memory (VmHWM), written as it exits to the file that
/// <see cref="EnvironmentVariable"/> names, for the benchmark that ran it. The process itself is the only one that can
/// read its peak after its last allocation: a parent sampling /proc misses the child's last moments, and the kernel's
/// reaped-children peak (<c>getrusage(RUSAGE_CHILDREN)</c>) is the largest of all children so far, not this one's.
/// </summary>
internal static class PeakMemoryReport
{
    public const string EnvironmentVariable = "DATAHUB_BENCH_PEAK_FILE";

    /// <summary>Writes this process's peak in bytes when a benchmark asked for it; never fails the command for it.</summary>
    public static void WriteIfAsked()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is not { Length: > 0 } path) return;
        try
        {
            File.WriteAllText(path, HighWaterMark("self").ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The benchmark then has its samples only; the command's own outcome does not depend on this.
        }
    }

    /// <summary>What a child wrote, in bytes; 0 when it wrote nothing (it crashed, or it is not the CLI).</summary>
    public static long Read(string path)
    {
        try
        {
            return long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>VmHWM of a process (<c>"self"</c> or a pid) in bytes; 0 where /proc does not tell (gone, not Linux).</summary>
    public static long HighWaterMark(string process)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process}/status"))
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
