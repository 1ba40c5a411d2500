using System.Globalization;

namespace DataHub.Cli.Bench;

/// <summary>One line describing the machine a benchmark ran on, for bench/RESULTS.md.</summary>
internal static class MachineInfo
{
    public static string Describe(string folder)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        var drive = new DriveInfo(Path.GetFullPath(folder));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {memory:0} GiB, {drive.DriveFormat} at {drive.RootDirectory.FullName}, .NET {Environment.Version}, load average at start {load}");
    }
}
