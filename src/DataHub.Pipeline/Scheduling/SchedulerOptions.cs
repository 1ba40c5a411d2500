using DataHub.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// The scheduler's configuration. Embedded default: a Quartz store in SQLite under the data folder, one
/// node. <c>Scheduler:Store=postgresql</c> puts the store in PostgreSQL and turns Quartz clustering on, so
/// every node pointed at the same database shares the schedule.
/// </summary>
public sealed record SchedulerOptions
{
    /// <summary>Quartz scheduler name: all nodes of one cluster must share it.</summary>
    public const string SchedulerName = "DataHub";

    public required string Store { get; init; }
    public required string ConnectionString { get; init; }
    public bool Clustered => Store == "postgresql";

    /// <summary>This node's Quartz instance id and run-history node name; unique per node of a cluster.</summary>
    public required string NodeName { get; init; }

    /// <summary>SQLite only: the lock file that keeps a second daemon off the same unclustered store.</summary>
    public string? LockFile { get; init; }

    public int MaxConcurrency { get; init; } = 2;
    public TimeSpan IdleWaitTime { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan MisfireHandlerFrequency { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan CheckinInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan CheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan StuckAfter { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan StuckCheckInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public static SchedulerOptions From(IConfiguration configuration, DataHubPaths paths)
    {
        var store = (configuration["Scheduler:Store"] ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => "sqlite",
            "postgresql" or "postgres" => "postgresql",
            var other => throw new InvalidOperationException($"Scheduler:Store '{other}' is not sqlite or postgresql"),
        };
        var sqlitePath = configuration["Scheduler:Path"] is { } p ? paths.Resolve(p) : paths.DataPath("scheduler.db");
        var connectionString = store == "sqlite"
            ? $"Data Source={sqlitePath};Pooling=True"
            : configuration["Scheduler:ConnectionString"] ?? configuration["Catalog:ConnectionString"]
              ?? throw new InvalidOperationException("Scheduler:Store is postgresql but Scheduler:ConnectionString is not set");
        return new SchedulerOptions
        {
            Store = store,
            ConnectionString = connectionString,
            NodeName = configuration["Cluster:NodeName"] ?? Environment.MachineName,
            LockFile = store == "sqlite" ? sqlitePath + ".lock" : null,
            MaxConcurrency = configuration.GetValue("Scheduler:MaxConcurrency", 2),
            IdleWaitTime = configuration.GetValue("Scheduler:IdleWaitTime", TimeSpan.FromSeconds(5)),
            MisfireThreshold = configuration.GetValue("Scheduler:MisfireThreshold", TimeSpan.FromSeconds(60)),
            MisfireHandlerFrequency = configuration.GetValue("Scheduler:MisfireHandlerFrequency", TimeSpan.FromSeconds(10)),
            CheckinInterval = configuration.GetValue("Cluster:CheckinInterval", TimeSpan.FromSeconds(5)),
            CheckinMisfireThreshold = configuration.GetValue("Cluster:CheckinMisfireThreshold", TimeSpan.FromSeconds(15)),
            StuckAfter = configuration.GetValue("Scheduler:StuckAfter", TimeSpan.FromMinutes(30)),
            StuckCheckInterval = configuration.GetValue("Scheduler:StuckCheckInterval", TimeSpan.FromMinutes(1)),
            ShutdownTimeout = configuration.GetValue("Scheduler:ShutdownTimeout", TimeSpan.FromMinutes(5)),
        };
    }
}
