using DataHub.Connectors.Manifests;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// Jobs and cron triggers as the manifests declare them. A missed firing (server down at 01:00) fires
/// once as soon as the scheduler is back, never once per missed night.
/// </summary>
public static class ConnectorSchedules
{
    public static IJobDetail Job(ConnectorManifest manifest) => JobBuilder.Create<SyncConnectorJob>()
        .WithIdentity(ConnectorJobKeys.Job(manifest.Name))
        .WithDescription(manifest.Title ?? manifest.Name)
        .StoreDurably()
        .RequestRecovery()
        .Build();

    public static ITrigger Trigger(ConnectorManifest manifest) => TriggerBuilder.Create()
        .WithIdentity(ConnectorJobKeys.Schedule(manifest.Name))
        .ForJob(ConnectorJobKeys.Job(manifest.Name))
        .WithCronSchedule(manifest.Schedule.Cron, cron => cron
            .InTimeZone(TimeZone(manifest))
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();

    public static TimeZoneInfo TimeZone(ConnectorManifest manifest)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(manifest.Schedule.TimeZone); }
        catch (TimeZoneNotFoundException) { throw new InvalidDataException($"connector {manifest.Name}: unknown schedule.timeZone '{manifest.Schedule.TimeZone}'"); }
    }

    /// <summary>Whether the stored trigger already is the one the manifest asks for (then it is left alone, misfires and all).</summary>
    public static bool Matches(ITrigger stored, ConnectorManifest manifest) =>
        stored is ICronTrigger cron && cron.CronExpressionString == manifest.Schedule.Cron && cron.TimeZone.Id == TimeZone(manifest).Id;
}
