using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// How connectors are named in the job store: the job key is the connector name, so operators and
/// the CLI can address it without knowing Quartz; backfill partitions live in a group of their own.
/// </summary>
public static class ConnectorJobKeys
{
    public const string ConnectorGroup = "connectors";
    public const string BackfillGroup = "backfill";

    public static JobKey Job(string connector) => new(connector, ConnectorGroup);

    public static TriggerKey Schedule(string connector) => new(connector + ".cron", ConnectorGroup);

    public static JobKey Partition(string connector, int index, int count) => new($"{connector}#{index + 1}-of-{count}", BackfillGroup);
}
