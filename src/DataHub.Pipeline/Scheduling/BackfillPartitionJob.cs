using DataHub.Connectors.Manifests;
using DataHub.Pipeline.Sync;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// One partition of a large backfill: a connector's run over the source units that hash into this
/// partition, with its own checkpoint. Partitions are separate jobs, so a cluster spreads them over its
/// nodes, and a node that dies mid-partition has only that partition recovered elsewhere.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BackfillPartitionJob(SyncRunner runner, IReadOnlyList<ConnectorManifest> manifests) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var connector = data.GetString(JobDataKeys.Connector) ?? throw new JobExecutionException("backfill job without a connector");
        var partition = new UnitPartition(int.Parse(data.GetString(JobDataKeys.PartitionIndex)!, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(data.GetString(JobDataKeys.PartitionCount)!, System.Globalization.CultureInfo.InvariantCulture));
        var manifest = manifests.FirstOrDefault(m => m.Name == connector)
            ?? throw new JobExecutionException($"connector {connector} has no manifest");
        var result = await runner.RunConnectorAsync(manifest, RunTriggerName.For(context, $"backfill {partition}"), partition, null, cancellationToken);
        context.Result = result;
        if (!result.Succeeded) throw new JobExecutionException($"connector {connector} partition {partition} failed: {result.Error}");
    }
}
