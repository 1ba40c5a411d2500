using DataHub.Connectors.Manifests;
using DataHub.Pipeline.Sync;
using Quartz;

namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// What a connector's trigger does: one sync run of that connector, the same code as <c>datahub sync</c>.
/// One run at a time per connector (a second trigger waits); the cancellation token of a stopping
/// scheduler stops the run between batches, and only durable batches ever moved the checkpoint.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SyncConnectorJob(SyncRunner runner, IReadOnlyList<ConnectorManifest> manifests) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var connector = context.JobDetail.Key.Name;
        var manifest = manifests.FirstOrDefault(m => m.Name == connector)
            ?? throw new JobExecutionException($"connector {connector} has no manifest any more (it is unscheduled at the next start)");
        var kind = context.MergedJobDataMap.GetString(JobDataKeys.Kind) ?? "schedule";
        var result = await runner.RunConnectorAsync(manifest, RunTriggerName.For(context, kind), null, cancellationToken);
        context.Result = result;
        // A failed run is already in the run history with its reason; Quartz is told so its listeners see it too.
        if (!result.Succeeded) throw new JobExecutionException($"connector {connector} failed: {result.Error}");
    }
}
