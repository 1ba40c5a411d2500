using DataHub.Cli.Bench;

namespace DataHub.Integration.Tests.Bench;

/// <summary>The benchmark's meter of a child's wall time and peak memory, on real child processes.</summary>
public class ChildProcessMeterTests
{
    [Fact]
    public async Task A_peak_reached_in_the_last_moments_of_a_child_is_measured()
    {
        // dd fills one 512 MiB buffer from /dev/zero and exits: its whole life is about as long as one 50-ms sample
        // period, the peak at its very end. Larger than any other child of the test run, so the kernel's reaped-children
        // peak moves and is this child's.
        var measured = await ChildProcessMeter.RunAsync("dd", ["if=/dev/zero", "of=/dev/null", "bs=512M", "count=1"], new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(0, measured.ExitCode);
        Assert.Contains("1+0 records in", measured.Stderr);
        Assert.InRange(measured.PeakRssBytes, 512L << 20, 640L << 20);
    }

    [Fact]
    public async Task A_small_child_is_not_given_an_earlier_childs_peak()
    {
        await ChildProcessMeter.RunAsync("dd", ["if=/dev/zero", "of=/dev/null", "bs=256M", "count=1"], new Dictionary<string, string>(), CancellationToken.None);

        var measured = await ChildProcessMeter.RunAsync("sh", ["-c", "sleep 0.3"], new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal(0, measured.ExitCode);
        Assert.InRange(measured.PeakRssBytes, 1, 64L << 20);
    }
}
