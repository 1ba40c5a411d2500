using DataHub.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>Registers scheduling: the full daemon (<c>datahub run</c>) or a client of the job store (CLI commands).</summary>
public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddDataHubScheduler(this IServiceCollection services, IConfiguration configuration, DataHubPaths paths, bool daemon)
    {
        var options = SchedulerOptions.From(configuration, paths);
        services.AddSingleton(options);
        // Clients get an id of their own so a CLI process is never mistaken for (or recovered as) a node.
        var instanceId = daemon ? options.NodeName : $"cli-{Environment.MachineName}-{Environment.ProcessId}";
        services.AddQuartz(quartz => QuartzSetup.Configure(quartz, options, instanceId));
        services.AddTransient<SyncConnectorJob>();
        services.AddTransient<BackfillPartitionJob>();
        services.AddSingleton<SchedulerHealth>();
        services.AddSingleton<SchedulerClient>();
        if (!daemon) return services;

        // Hosted services start in this order: the lock, then the schedule, then Quartz; they stop in reverse.
        if (options.LockFile is { } lockFile) services.AddHostedService(_ => new SchedulerLockService(lockFile));
        services.AddHostedService<ScheduleRegistrar>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<StuckRunMonitor>();
        return services;
    }
}
