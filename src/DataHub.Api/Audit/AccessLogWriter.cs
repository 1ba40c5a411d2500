using DataHub.Core.Identity;
using DataHub.Store.Audit;
using Microsoft.Extensions.Logging;

namespace DataHub.Api.Audit;

/// <summary>
/// The API server's access log. A request appends its entry to this process's journal before its response
/// leaves (<see cref="AccessLogJournal"/>: one write, no transaction, no hand-off to another thread), so no
/// document is revealed without an entry that survives the process. A thread of its own moves the journal
/// into the hash-chained table every few milliseconds, one transaction per batch, and fills in the log's
/// derived index while there is nothing to move. Requests wait for neither.
/// </summary>
public sealed class AccessLogWriter : IAsyncDisposable
{
    private static readonly TimeSpan MoveEvery = TimeSpan.FromMilliseconds(20);
    // Each index row is an insert at a random place of a B-tree keyed by citizen or document: indexing is left for
    // when the journal is idle, in chunks (AccessLogIndex.CatchUpChunk entries, ~0.4 s of one core, then a rest as
    // long; a new journal line waits about that long to be chained). Under load that never pauses, the lag stays
    // bounded all the same: a chunk whenever it exceeds the bound.
    private const long MaxIndexLag = 200_000;
    private readonly AccessLog _log;
    private readonly AccessLogJournal _journal;
    private readonly ILogger<AccessLogWriter> _logger;
    private readonly ManualResetEventSlim _closing = new(false);
    private readonly Task _loop;

    public AccessLogWriter(AccessLog log, ILogger<AccessLogWriter> logger)
    {
        _log = log;
        _logger = logger;
        _journal = log.OpenJournal();
        // A thread of its own: moving is synchronous database work and must not take a pool thread from the requests.
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Records the entry; once this returns, it is in the journal (and in the chain within milliseconds).</summary>
    public void Write(AccessLogEntry entry) => _journal.Append(entry);

    private void Run()
    {
        AccessLogAppender? appender = null;
        var moved = (Path: "", To: 0L);
        long appendedTo = 0, indexedTo = 0;
        var behind = true;
        // Journals a server left behind when it crashed, and whatever this one has taken meanwhile.
        Drain();
        try
        {
            while (true)
            {
                var closing = _closing.Wait(MoveEvery);
                try
                {
                    appender ??= _log.OpenAppender();
                    var count = 0;
                    var tail = _journal.Tail;
                    // Rotated: the finished journal is moved to its end and deleted by a drain.
                    if (tail.Path != moved.Path && moved.Path != "") Drain();
                    if (tail.Path != moved.Path) moved = (tail.Path, 0);
                    while (tail.Length > moved.To)
                    {
                        var move = appender.MoveFromJournal(tail.Path, AccessLog.MoveBatch, writtenTo: tail.Length);
                        // Before the break: a reader that moved the journal meanwhile leaves nothing to move here.
                        moved.To = move.MovedTo;
                        if (move.Moved == 0) break;
                        count += move.Moved;
                        appendedTo = move.LastSequence;
                        if (move.Unreadable > 0)
                            _logger.LogError("{Count} unreadable line(s) in access-log journal {Journal}, recorded in the chain as such", move.Unreadable, tail.Path);
                    }
                    if (count > 0) behind = true;
                    if (closing) break;
                    if (count == 0)
                    {
                        // Idle: index chunk after chunk until lines arrive, resting as long as each chunk took: a log
                        // that lags by 300,000 entries after a burst takes one core for seconds otherwise, while the
                        // requests that trickle in meanwhile share the other (fixed-rate p99 3.7 → 9.6 ms, tenth session).
                        while (behind && _journal.Tail.Length == moved.To && !_closing.IsSet)
                        {
                            var chunk = System.Diagnostics.Stopwatch.StartNew();
                            (indexedTo, behind) = Index(indexedTo);
                            _closing.Wait(chunk.Elapsed);
                        }
                    }
                    else if (appendedTo - indexedTo > MaxIndexLag) (indexedTo, behind) = Index(indexedTo);
                }
                catch (FileNotFoundException)
                {
                    // A rotated journal finished and deleted by another mover meanwhile.
                }
                catch (Exception e)
                {
                    // The lines stay in the journal: the next pass (or the next server, or a CLI audit command) moves them.
                    _logger.LogError("access log: moving the journal failed: {Error}", PersonalDataMasking.Mask(e.Message));
                    appender?.Dispose();
                    appender = null;
                    if (closing) break;
                }
            }
        }
        finally
        {
            appender?.Dispose();
            _journal.Dispose();
            // Closed now: moved to its end and deleted.
            Drain();
        }
    }

    private void Drain()
    {
        try
        {
            var (moved, unreadable) = _log.DrainJournals();
            if (unreadable > 0) _logger.LogError("{Count} unreadable line(s) in access-log journals, recorded in the chain as such", unreadable);
            else if (moved > 0) _logger.LogInformation("access log: {Count} entries moved from journals", moved);
        }
        catch (Exception e)
        {
            _logger.LogError("access log: moving journals failed: {Error}", PersonalDataMasking.Mask(e.Message));
        }
    }

    private (long IndexedTo, bool More) Index(long indexedTo)
    {
        try
        {
            return _log.Index.Extend(AccessLogIndex.CatchUpChunk);
        }
        catch (Exception e)
        {
            // Only the derived index: the next reader's catch-up retries it. Indexed as far as before, not back to 0,
            // which under load would start a full chunk after every move.
            _logger.LogWarning("access log document index not extended: {Error}", PersonalDataMasking.Mask(e.Message));
            return (indexedTo, false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Set();
        await _loop;
    }
}
