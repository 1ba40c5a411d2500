using System.Diagnostics;
using System.Threading.Channels;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Mapping;
using DataHub.Connectors.Sources;
using DataHub.Core.Normalization;
using DataHub.Store.Catalog;
using DataHub.Store.Documents;
using Microsoft.Extensions.Logging;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// One sync run: every connector pulls from its checkpoint, normalizes, publishes and ledgers. The same
/// code serves <c>datahub sync</c>, the scheduled Quartz job and the tests. Four stages overlap —
/// read, normalize (parallel), write versions, flush and commit — joined by small bounded channels, so
/// memory stays constant whatever the source size. A failing connector fails alone; the others still run.
/// </summary>
public sealed class SyncRunner(
    ICatalog catalog,
    IDocumentStore store,
    ResultNormalizer normalizer,
    SourceFactory sources,
    string baseDirectory,
    SyncOptions options,
    ILogger<SyncRunner> logger)
{
    public async Task<IReadOnlyList<ConnectorRunResult>> RunAsync(IReadOnlyList<ConnectorManifest> connectors, string trigger,
        IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var results = new List<ConnectorRunResult>();
        foreach (var connector in connectors)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(await RunConnectorAsync(connector, trigger, progress, ct));
        }
        return results;
    }

    public Task<ConnectorRunResult> RunConnectorAsync(ConnectorManifest manifest, string trigger, IProgress<SyncProgress>? progress, CancellationToken ct) =>
        RunConnectorAsync(manifest, trigger, null, progress, ct);

    /// <summary>
    /// Runs one connector, or with <paramref name="partition"/> only its share of the source units (a backfill
    /// split over cluster nodes); a partition resumes from a checkpoint of its own.
    /// </summary>
    public async Task<ConnectorRunResult> RunConnectorAsync(ConnectorManifest manifest, string trigger, UnitPartition? partition, IProgress<SyncProgress>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var runId = catalog.StartRun(manifest.Name, trigger, options.Node);
        var totals = RunCounts.Zero;
        logger.LogInformation("Run {RunId}: connector {Connector} started ({Trigger})", runId, manifest.Name, trigger);
        try
        {
            var source = sources.Create(manifest, baseDirectory);
            var checkpointKey = partition?.CheckpointKey(manifest.Name) ?? manifest.Name;
            Func<string, bool>? unitFilter = null;
            if (partition is not null)
            {
                // A source that cannot skip units before reading them is filtered record by record instead: correct, only slower.
                if (source is IPartitionableSource partitionable) partitionable.SelectUnits(partition.Includes);
                else unitFilter = partition.Includes;
            }
            var mapper = new RecordMapper(manifest);
            var publisher = new BatchPublisher(catalog, store, manifest.Name, runId, catalog.RunsOfPass(manifest.Name, runId), options.StoreWriters ?? options.Parallelism, options.ReviewSampleRate, checkpointKey);
            // One batch waiting between stages is enough to keep every stage busy; each extra slot is another
            // batch of records held in memory (peak memory must not grow with the source).
            var read = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            var normalized = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);

            var reading = Task.Run(() => ReadAsync(source, catalog.GetCheckpoint(checkpointKey), unitFilter, read.Writer, stop.Token), stop.Token);
            var normalizing = Task.Run(() => NormalizeAsync(mapper, read.Reader, normalized.Writer, stop.Token), stop.Token);
            try
            {
                await foreach (var batch in normalized.Reader.ReadAllAsync(stop.Token))
                {
                    totals = totals.Add(await publisher.WriteAsync(batch, stop.Token));
                    progress?.Report(new SyncProgress(manifest.Name, totals.Pulled, totals.Published, clock.Elapsed));
                }
                await Task.WhenAll(reading, normalizing);
                await publisher.CompleteAsync();
            }
            catch
            {
                await stop.CancelAsync();
                // Surface the stage that actually failed rather than the cancellation it caused downstream.
                foreach (var stage in new[] { reading, normalizing, publisher.CompleteAsync() })
                {
                    try { await stage; }
                    catch (OperationCanceledException) { }
                }
                throw;
            }
            catalog.FinishRun(runId, "succeeded", null);
            logger.LogInformation("Run {RunId}: connector {Connector} finished: {Pulled} pulled, {Published} published, {Unchanged} unchanged, {Quarantined} quarantined, {Pending} pending review in {Elapsed}",
                runId, manifest.Name, totals.Pulled, totals.Published, totals.Unchanged, totals.Quarantined, totals.PendingReview, clock.Elapsed);
            return new ConnectorRunResult(manifest.Name, runId, true, totals, null, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var message = DataHub.Core.Diagnostics.ErrorLine.Of(e);
            catalog.FinishRun(runId, "failed", message);
            logger.LogError(e, "Run {RunId}: connector {Connector} failed: {Message}", runId, manifest.Name, message);
            return new ConnectorRunResult(manifest.Name, runId, false, totals, message, clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            catalog.FinishRun(runId, "cancelled", "stopped before the end; the next run resumes from the last durable batch");
            throw;
        }
    }

    private async Task ReadAsync(IRecordSource source, string? checkpoint, Func<string, bool>? unitFilter, ChannelWriter<RecordBatch> output, CancellationToken ct)
    {
        try
        {
            var records = new List<SourceRecord>(options.BatchSize);
            await foreach (var record in source.ReadAsync(checkpoint, ct))
            {
                if (unitFilter is not null && !unitFilter(record.Unit)) continue;
                records.Add(record);
                if (records.Count < options.BatchSize) continue;
                await output.WriteAsync(new RecordBatch(records, source.CheckpointAfter(record)), ct);
                records = new List<SourceRecord>(options.BatchSize);
            }
            // The final batch (possibly empty) carries the end-of-source checkpoint.
            await output.WriteAsync(new RecordBatch(records, source.CheckpointAtEnd()), ct);
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    private async Task NormalizeAsync(RecordMapper mapper, ChannelReader<RecordBatch> input, ChannelWriter<RecordBatch> output, CancellationToken ct)
    {
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct };
            await foreach (var batch in input.ReadAllAsync(ct))
            {
                Parallel.For(0, batch.Records.Count, parallel, i =>
                {
                    batch.Mapped[i] = mapper.Map(batch.Records[i]);
                    batch.Outcomes[i] = normalizer.Normalize(batch.Mapped[i]);
                });
                await output.WriteAsync(batch, ct);
            }
            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }
}
