using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// The one Quartz configuration the daemon and the CLI's scheduler client share, so both read and write
/// the same job store the same way: persistent (SQLite file or PostgreSQL), System.Text.Json job data,
/// schema created when missing, clustering on PostgreSQL.
/// </summary>
public static class QuartzSetup
{
    public static void Configure(IQuartzBuilder quartz, SchedulerOptions options, string instanceId)
    {
        quartz.ConfigureScheduler(s =>
        {
            s.InstanceName = SchedulerOptions.SchedulerName;
            s.InstanceId = instanceId;
            s.IdleWaitTime = options.IdleWaitTime;
            // A stopping daemon asks running syncs to stop between batches, then waits for them to unwind.
            s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
        });
        quartz.UseDefaultThreadPool(options.MaxConcurrency);
        quartz.UsePersistentStore(store =>
        {
            if (options.Store == "postgresql") store.UsePostgres(options.ConnectionString);
            else store.UseSqlite(options.ConnectionString);
            store.UseSystemTextJsonSerializer();
            store.ProvisionSchema();
            store.ConfigureStore(s =>
            {
                s.MisfireThreshold = options.MisfireThreshold;
                // A manual trigger that waited behind a running sync counts as misfired; pick it up within seconds, not a minute.
                s.MisfireHandlerFrequency = options.MisfireHandlerFrequency;
                // Job data stays readable name/value text, never serialized objects.
                s.StoreJobDataAsStrings = true;
                // A sync interrupted by a node's shutdown is handed to another node (or this one after restart)
                // instead of being recorded as done; it resumes from the last durable batch.
                s.RecoverFiringsCancelledByShutdown = true;
            });
            if (options.Clustered)
            {
                store.UseClustering(c =>
                {
                    c.CheckinInterval = options.CheckinInterval;
                    c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                });
            }
        });
    }
}
