using System.Globalization;
using DataHub.Cli.Bench;
using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Bench;

/// <summary>The benchmark's meter of a child's wall time and peak memory, on real child processes.</summary>
public class ChildProcessMeterTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task The_peak_a_child_reports_as_it_exits_is_taken_over_the_sampled_one()
    {
        // A shell's own resident memory is a few MiB; the figure it writes is what a CLI would write of its VmHWM after
        // its last allocation, which no sample taken while it ran can have seen.
        var measured = await ChildProcessMeter.RunAsync("sh", ["-c", $"echo 123456789 > \"${PeakMemoryReport.EnvironmentVariable}\""], NoEnvironment, CancellationToken.None);

        Assert.Equal(0, measured.ExitCode);
        Assert.Equal(123_456_789, measured.PeakRssBytes);
    }

    [Fact]
    public async Task A_child_that_reports_nothing_is_measured_by_sampling_and_is_not_given_an_earlier_childs_peak()
    {
        await ChildProcessMeter.RunAsync("sh", ["-c", $"echo 987654321 > \"${PeakMemoryReport.EnvironmentVariable}\""], NoEnvironment, CancellationToken.None);

        var measured = await ChildProcessMeter.RunAsync("sh", ["-c", "sleep 0.3"], NoEnvironment, CancellationToken.None);

        Assert.Equal(0, measured.ExitCode);
        Assert.InRange(measured.PeakRssBytes, 1, 64L << 20);
    }

    [Fact]
    public void The_cli_reports_its_own_peak_memory_when_a_benchmark_asks()
    {
        using var home = new TempHome();
        var report = Path.Combine(home.Root, "peak");

        var run = CliRunner.Run(["samples", "--count", "200", "--seed", "5", "--out", home.Samples], home.Environment((PeakMemoryReport.EnvironmentVariable, report)));

        Assert.True(run.ExitCode == 0, run.Stderr);
        // VmHWM of a .NET process that generated 800 records: more than the runtime alone, far less than the machine.
        var bytes = long.Parse(File.ReadAllText(report), CultureInfo.InvariantCulture);
        Assert.InRange(bytes, 20L << 20, 2L << 30);
    }
}
