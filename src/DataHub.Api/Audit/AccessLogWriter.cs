using System.Collections.Concurrent;
using DataHub.Core.Identity;
using DataHub.Store.Audit;
using Microsoft.Extensions.Logging;

namespace DataHub.Api.Audit;

/// <summary>
/// Group commit for the access log: concurrent requests queue their entries, one writer appends whatever
/// is queued in one transaction, and each request continues only once its entry is durable. A response
/// that reveals documents is therefore never sent without its log entry, yet a busy server pays one
/// transaction per batch rather than per request.
/// </summary>
public sealed class AccessLogWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    // A request that arrives while the writer indexes waits for the chunk in hand: each index row is a
    // random B-tree insert (tens of µs, more when its page is not cached), so 128 entries held lookups
    // for 5–60 ms (up to 200 ms, bench/RESULTS.md). A chunk of 16 holds an eighth of those rows.
    private const int IndexChunk = 16;
    private const int IndexChunkUnderLoad = 64;
    private const long MaxIndexLag = 200_000;
    // The WAL's tail is copied from the writer's own connection this often (AccessLogAppender.CheckpointTail).
    private const long CheckpointEveryMs = 1000;
    private static readonly TimeSpan IdleBeforeIndexing = TimeSpan.FromMilliseconds(20);
    private readonly ConcurrentQueue<(AccessLogEntry Entry, TaskCompletionSource Done)> _queue = new();
    // No spinning before the writer sleeps: Task.Wait spun with sched_yield each time the queue ran dry,
    // ~4 % of a loaded 2-core server's CPU taken from the requests themselves.
    private readonly ManualResetEventSlim _arrived = new(false, spinCount: 1);
    private readonly AccessLog _log;
    private readonly ILogger<AccessLogWriter> _logger;
    private readonly Task _loop;
    private volatile bool _closing, _stopped;

    public AccessLogWriter(AccessLog log, ILogger<AccessLogWriter> logger)
    {
        _log = log;
        _logger = logger;
        // A thread of its own: appends are synchronous database work and must not take a pool thread from the requests.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public Task WriteAsync(AccessLogEntry entry)
    {
        if (_closing) throw new InvalidOperationException("the access log is closed (server shutting down)");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue((entry, done));
        _arrived.Set();
        // Arrived after the writer's last look: nobody will append it.
        if (_stopped) FailQueued();
        return done.Task;
    }

    private void Run()
    {
        var batch = new List<(AccessLogEntry Entry, TaskCompletionSource Done)>(MaxBatch);
        AccessLogAppender? appender = null;
        long appendedTo = 0, indexedTo = 0;
        var behind = true;
        var lastCheckpoint = Environment.TickCount64;
        // Appends and index chunks both write the log's WAL, one after the other, without a pause under load.
        void CheckpointIfDue()
        {
            if (Environment.TickCount64 - lastCheckpoint < CheckpointEveryMs) return;
            lastCheckpoint = Environment.TickCount64;
            try
            {
                appender ??= _log.OpenAppender();
                appender.CheckpointTail();
            }
            catch (Exception e)
            {
                // The background checkpoints still run; the WAL only grows until they catch up.
                _logger.LogWarning("access log checkpoint failed: {Error}", PersonalDataMasking.Mask(e.Message));
            }
        }
        try
        {
            while (true)
            {
                if (_queue.IsEmpty)
                {
                    _arrived.Reset();
                    // Set after an enqueue, so an entry queued before the reset is seen here and one queued after it sets the event.
                    if (_queue.IsEmpty)
                    {
                        if (_closing) break;
                        // The derived document index is filled in only while nobody waits for a log entry: no request
                        // pays for it, and it costs nothing to a burst (readers of the index catch it up themselves).
                        // Once idle, chunk after chunk until a request arrives (it then waits for one chunk at most).
                        if (behind && !_arrived.Wait(IdleBeforeIndexing))
                        {
                            do
                            {
                                (indexedTo, behind) = Index(IndexChunk);
                                CheckpointIfDue();
                            }
                            while (behind && !_arrived.IsSet);
                        }
                        else _arrived.Wait();
                        continue;
                    }
                }
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var item)) batch.Add(item);
                try
                {
                    appender ??= _log.OpenAppender();
                    appendedTo = appender.Append(batch.Select(b => b.Entry).ToList())[^1].Sequence;
                    foreach (var b in batch) b.Done.TrySetResult();
                    behind = true;
                    CheckpointIfDue();
                    // Under load that never pauses, keep the lag bounded all the same: a little more than was just
                    // appended, so the lag shrinks, yet no request waits for a large chunk. A fixed 64 entries (each a
                    // random B-tree insert of tens of µs) made every append a chunk of milliseconds once a log lagged
                    // by 200,000 — a bench folder reused across runs did (bench/RESULTS.md, seventh session).
                    if (appendedTo - indexedTo > MaxIndexLag) (indexedTo, behind) = Index(Math.Min(IndexChunkUnderLoad, 2 * batch.Count));
                }
                catch (Exception e)
                {
                    _logger.LogError("access log append failed: {Error}", PersonalDataMasking.Mask(e.Message));
                    foreach (var b in batch) b.Done.TrySetException(e);
                    // A fresh connection for the next batch: this one may be broken.
                    appender?.Dispose();
                    appender = null;
                }
                batch.Clear();
            }
        }
        finally
        {
            appender?.Dispose();
            _stopped = true;
            FailQueued();
        }
    }

    private void FailQueued()
    {
        while (_queue.TryDequeue(out var item))
            item.Done.TrySetException(new InvalidOperationException("the access log is closed (server shutting down)"));
    }

    private (long IndexedTo, bool More) Index(int maxEntries)
    {
        try
        {
            return _log.Index.Extend(maxEntries);
        }
        catch (Exception e)
        {
            // Only the derived index: the next reader's catch-up retries it.
            _logger.LogWarning("access log document index not extended: {Error}", PersonalDataMasking.Mask(e.Message));
            return (0, false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        _arrived.Set();
        await _loop;
    }
}
