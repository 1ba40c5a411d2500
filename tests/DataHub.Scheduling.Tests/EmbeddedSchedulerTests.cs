using System.Globalization;
using System.Text.Json;

namespace DataHub.Scheduling.Tests;

/// <summary>The embedded default: one <c>datahub run</c> with its Quartz store in SQLite under the data folder.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EmbeddedSchedulerTests
{
    private static readonly Dictionary<string, string> Embedded = new() { ["Scheduler:IdleWaitTime"] = "00:00:01", ["Sync:Parallelism"] = "1" };

    [Fact]
    public async Task Schedules_and_pauses_survive_a_restart()
    {
        var every2s = "0/2 * * * * ?";
        using var site = await TestSite.CreateAsync(new Dictionary<string, string> { [TestSite.CivilStatus] = every2s, [TestSite.LandRegistry] = every2s }, 150, 50, Embedded);
        var catalog = site.Catalog();
        using (var first = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus, TestSite.LandRegistry))
        {
            var paused = await DataHubProcess.RunAsync(site.ConfigFile, null, "pause", TestSite.LandRegistry);
            Assert.True(paused.ExitCode == 0, paused.ToString());
            await Wait.Until(() => Nodes.Runs(catalog, TestSite.CivilStatus).Any(r => r.Status == "succeeded"), TimeSpan.FromSeconds(60), "a scheduled run", () => first.Output);
            await first.StopAsync();
            Assert.Contains("Scheduler daemon embedded stopped", first.Output);
        }
        Assert.True(File.Exists(Path.Combine(site.Dir, "data", "scheduler.db")));

        var restartedAt = DateTimeOffset.UtcNow;
        using var second = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus, TestSite.LandRegistry);
        // The stored schedules are the ones in use (kept, not re-created), paused state included.
        Assert.Contains($"Connector {TestSite.CivilStatus}: schedule {every2s} (UTC) kept", second.Output);
        Assert.Contains($"Connector {TestSite.LandRegistry}: schedule {every2s} (UTC) kept", second.Output);
        await Wait.Until(() => Nodes.Runs(catalog, TestSite.CivilStatus).Count(r => r.StartedAt > restartedAt && r.Status == "succeeded") >= 2,
            TimeSpan.FromSeconds(60), "scheduled runs after the restart", () => second.Output);
        var status = await DataHubProcess.RunAsync(site.ConfigFile, null, "status", "--format", "json");
        await second.StopAsync();

        using var report = JsonDocument.Parse(status.Output);
        var states = report.RootElement.GetProperty("connectors").EnumerateArray().ToDictionary(c => c.GetProperty("connector").GetString()!, c => c.GetProperty("state").GetString());
        Assert.Equal("Paused", states[TestSite.LandRegistry]);
        Assert.Equal("Normal", states[TestSite.CivilStatus]);
        Assert.DoesNotContain(Nodes.Runs(catalog, TestSite.LandRegistry), r => r.StartedAt > restartedAt);
    }

    [Fact]
    public async Task Firings_missed_while_the_daemon_was_down_fire_once_on_start()
    {
        // Three firings a few seconds ahead, all inside one minute, and none after: while the daemon is down all
        // three are missed; on start the misfire instruction fires once and the trigger is then complete.
        var now = DateTimeOffset.UtcNow;
        if (now.Second > 30) { await Task.Delay(TimeSpan.FromSeconds(61 - now.Second)); now = DateTimeOffset.UtcNow; }
        var first = now.AddSeconds(20);
        var cron = string.Create(CultureInfo.InvariantCulture, $"{first.Second},{first.Second + 2},{first.Second + 4} {first.Minute} {first.Hour} {first.Day} {first.Month} ? {first.Year}");
        using var site = await TestSite.CreateAsync(new Dictionary<string, string> { [TestSite.CivilStatus] = cron }, 150, 50,
            new Dictionary<string, string>(Embedded) { ["Scheduler:MisfireThreshold"] = "00:00:01" });
        var catalog = site.Catalog();
        using (var down = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus)) await down.StopAsync();
        Assert.True(DateTimeOffset.UtcNow < first, "the daemon took too long to start and stop before the first firing; the scenario needs it down then");

        await Task.Delay(first.AddSeconds(6) - DateTimeOffset.UtcNow);
        Assert.Empty(Nodes.Runs(catalog));
        using var up = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus);
        await Wait.Until(() => Nodes.Runs(catalog).Any(r => r.Status != "running"), TimeSpan.FromSeconds(60), "the misfired run", () => up.Output);
        // Once fired, the trigger has no firing left: Quartz removes it, so no further run can follow.
        await Wait.Until(() => Status(site).Result.Contains("\"unscheduled\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the trigger to complete", () => up.Output);
        await up.StopAsync();
        var runs = Nodes.Runs(catalog);
        Assert.True(runs.Count == 1, Nodes.Describe(runs));
        Assert.StartsWith("schedule@", runs[0].Trigger);
        Assert.Equal("succeeded", runs[0].Status);
    }

    [Fact]
    public async Task A_second_trigger_of_a_running_connector_waits_for_it()
    {
        using var site = await TestSite.CreateAsync(new Dictionary<string, string> { [TestSite.CivilStatus] = "0 0 1 * * ?" }, 4000, 200,
            new Dictionary<string, string>(Embedded) { ["Sync:BatchSize"] = "25", ["Scheduler:MaxConcurrency"] = "4" });
        var catalog = site.Catalog();
        using var daemon = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus);

        // Two operators trigger the same connector at once: both firings are due while the first run is going.
        var triggers = await Task.WhenAll(
            DataHubProcess.RunAsync(site.ConfigFile, null, "trigger", TestSite.CivilStatus),
            DataHubProcess.RunAsync(site.ConfigFile, null, "trigger", TestSite.CivilStatus));
        Assert.All(triggers, t => Assert.True(t.ExitCode == 0, t.ToString()));
        await Wait.Until(() => Nodes.Runs(catalog).Count(r => r.Status != "running") == 2, TimeSpan.FromSeconds(120), "both runs", () => daemon.Output + Nodes.Describe(Nodes.Runs(catalog)));
        await daemon.StopAsync();
        var runs = Nodes.Runs(catalog);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("succeeded", r.Status));
        Assert.True(runs[1].StartedAt >= runs[0].FinishedAt, "the runs overlapped:" + Environment.NewLine + Nodes.Describe(runs));
        // The second firing was due (its fire time is in its trigger name) well before the first run ended: it waited.
        var secondDue = DateTimeOffset.Parse(runs[1].Trigger.Split('@')[1], CultureInfo.InvariantCulture);
        Assert.True(secondDue < runs[0].FinishedAt, "the second trigger only came due after the first run; nothing was tested:" + Environment.NewLine + Nodes.Describe(runs));
    }

    [Fact]
    public async Task SIGTERM_stops_a_run_between_batches_and_the_next_start_resumes_it_from_its_checkpoint()
    {
        using var site = await TestSite.CreateAsync(new Dictionary<string, string> { [TestSite.CivilStatus] = "0 0 1 * * ?" }, 4000, 200,
            new Dictionary<string, string>(Embedded) { ["Sync:BatchSize"] = "25" });
        var catalog = site.Catalog();
        RunRecordSnapshot stopped;
        using (var daemon = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus))
        {
            Assert.Equal(0, (await DataHubProcess.RunAsync(site.ConfigFile, null, "trigger", TestSite.CivilStatus)).ExitCode);
            await Wait.Until(() => Nodes.Runs(catalog).Any(r => r.Status == "running" && r.Counts.Pulled >= 200), TimeSpan.FromSeconds(60), "the run to make progress", () => daemon.Output);
            await daemon.StopAsync();
            Assert.Contains("Scheduler daemon embedded stopped", daemon.Output);
            var run = Nodes.Runs(catalog).Single();
            stopped = new RunRecordSnapshot(run.Status, run.Counts.Pulled, run.Trigger);
        }
        Assert.Equal("cancelled", stopped.Status);
        Assert.InRange(stopped.Pulled, 200, 1999);

        // The interrupted firing was handed back to the job store: the next start re-runs it from the last durable batch.
        using var again = await Nodes.StartAsync(site, "embedded", TestSite.CivilStatus);
        var resumed = await Wait.For(() => Nodes.Runs(catalog).FirstOrDefault(r => r.Trigger.StartsWith("recovery ", StringComparison.Ordinal) && r.Status != "running"),
            TimeSpan.FromSeconds(90), "the recovered run", () => again.Output + Nodes.Describe(Nodes.Runs(catalog)));
        await again.StopAsync();
        Assert.Equal("succeeded", resumed.Status);
        Assert.Equal("recovery " + stopped.Trigger, resumed.Trigger);
        // Nothing read twice, nothing skipped: the two runs together pulled every record once.
        Assert.Equal(2000, stopped.Pulled + resumed.Counts.Pulled);
    }

    private sealed record RunRecordSnapshot(string Status, long Pulled, string Trigger);

    private static async Task<string> Status(TestSite site) => (await DataHubProcess.RunAsync(site.ConfigFile, null, "status", "--format", "json")).Output;
}
