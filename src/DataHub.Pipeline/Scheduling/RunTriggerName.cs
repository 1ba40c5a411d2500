using System.Globalization;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// The run history's trigger column for a Quartz firing: what fired it and which firing it was
/// (<c>schedule@2026-11-23T18:00:00Z</c>), so an operator — and the cluster tests — can see that a
/// scheduled firing ran exactly once, and that a recovered one re-ran the same firing.
/// </summary>
public static class RunTriggerName
{
    public static string For(IJobExecutionContext context, string kind)
    {
        var fired = context.Recovering && OriginalScheduledFireTime(context) is { } original ? original : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var name = string.Create(CultureInfo.InvariantCulture, $"{kind}@{fired.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        return context.Recovering ? "recovery " + name : name;
    }

    // A recovery trigger fires at its own time; the firing it re-runs is recorded in its job data.
    private static DateTimeOffset? OriginalScheduledFireTime(IJobExecutionContext context)
    {
        var text = context.Trigger.JobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)) return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }
}
