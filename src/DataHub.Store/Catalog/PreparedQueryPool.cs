using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace DataHub.Store.Catalog;

/// <summary>
/// Connections kept open with one query prepared on each, lent to one caller at a time. For the hot
/// citizen lookup on SQLite: going through a pooled open (with its PRAGMAs) and parsing and planning the
/// join on every call was most of the lookup's CPU time, and a connection kept here keeps its page cache
/// as long as nobody writes the catalog.
///
/// At most twice as many connections as the machine has cores, lent last-returned-first. Each SQLite
/// connection maps the file on its own, so every page a connection reads for the first time is a page
/// fault (~1.5–2.5 µs here, and the kernel maps 16 neighbours with it); with up to 32 connections
/// spread over the requests, a 10-s lookup run took 23,000 faults and served 6,049 lookups/s, with 4
/// connections 1,700 faults and 8,276 lookups/s (bench/RESULTS.md, eighth session). More connections
/// than cores buy nothing for reads that never wait on anything but memory.
///
/// The query is a statement prepared on the connection's handle (<see cref="SqliteRawStatement"/>): through
/// an ADO.NET command and reader, binding, type checks and date parsing took as long as SQLite's own search.
///
/// With a <see cref="SnapshotWindow"/> (the API server's, <c>Api:LookupSnapshotMilliseconds</c>), each connection
/// reads inside a transaction that it keeps for up to that long: a query of its own (autocommit) took and released
/// WAL read locks and re-checked the WAL index every time, a third of a lookup's search (15 → 10.5 µs,
/// bench/RESULTS.md, eleventh session). A lookup then sees the catalog as it was at most that long ago; a
/// transaction older than that is ended before the next query, and one left open on an idle connection is ended
/// by a sweep, so no snapshot outlives the window by more than a sweep period and a sync's checkpoints are never
/// held back for longer. Without one (the default), every query sees the latest commit.
/// </summary>
internal sealed class PreparedQueryPool : IDisposable
{
    private static readonly int MaxOpen = 2 * Environment.ProcessorCount;
    private readonly Func<SqliteConnection> _open;
    private readonly string _sql;
    private readonly ConcurrentStack<Lent> _idle = [];
    private readonly SemaphoreSlim _slots = new(MaxOpen, MaxOpen);
    private readonly Timer _sweep;
    private long _windowTicks;
    private volatile bool _disposed;

    public PreparedQueryPool(Func<SqliteConnection> open, string sql)
    {
        _open = open;
        _sql = sql;
        _sweep = new Timer(_ => Sweep(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>How old a query's view of the database may be; zero (the default): every query sees the latest commit.</summary>
    public TimeSpan SnapshotWindow
    {
        get => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _windowTicks));
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            Volatile.Write(ref _windowTicks, (long)(value.TotalSeconds * Stopwatch.Frequency));
            // A period of at least a millisecond: the timer reads a zero period as "once".
            var period = value < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : value;
            if (value > TimeSpan.Zero) _sweep.Change(period, period);
            else _sweep.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }

    /// <summary>Lends a prepared statement to <paramref name="query"/> (which binds and steps it) and resets it afterwards.</summary>
    public T Run<T>(Func<SqliteRawStatement, T> query)
    {
        _slots.Wait();
        try
        {
            var lent = _idle.TryPop(out var idle) ? idle : Prepare();
            T result;
            try
            {
                var now = Stopwatch.GetTimestamp();
                var window = Volatile.Read(ref _windowTicks);
                if (lent.ReadingSince != 0 && now - lent.ReadingSince > window) lent.EndRead();
                if (window > 0 && lent.ReadingSince == 0) lent.BeginRead(now);
                result = query(lent.Statement);
                lent.Statement.Reset();
            }
            catch
            {
                lent.Close();
                throw;
            }
            Return(lent);
            return result;
        }
        finally
        {
            _slots.Release();
        }
    }

    private Lent Prepare()
    {
        var connection = _open();
        try
        {
            return new Lent(connection, new SqliteRawStatement(connection, _sql));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // A request that found every connection out with the sweep opened one more: the pool keeps no more than its size.
    private void Return(Lent lent)
    {
        if (!_disposed && _idle.Count < MaxOpen) _idle.Push(lent);
        else lent.Close();
    }

    // Ends the transactions of idle connections that have held theirs for a window: connections are taken out
    // while swept, so a request either gets one before or after, never one being swept. Under load every
    // connection renews its transaction before the sweep comes by: it looks first (the stack enumerates a
    // snapshot of itself) and takes nothing out then, so requests never open an extra connection for it.
    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        var window = Volatile.Read(ref _windowTicks);
        if (!_idle.Any(lent => lent.ReadingSince != 0 && now - lent.ReadingSince > window)) return;
        var swept = new List<Lent>();
        while (swept.Count < MaxOpen && _idle.TryPop(out var lent))
        {
            swept.Add(lent);
            try
            {
                if (lent.ReadingSince != 0 && now - lent.ReadingSince > window) lent.EndRead();
            }
            catch
            {
                swept.RemoveAt(swept.Count - 1);
                lent.Close();
            }
        }
        foreach (var lent in swept) Return(lent);
    }

    public void Dispose()
    {
        _disposed = true;
        _sweep.Dispose();
        while (_idle.TryPop(out var lent)) lent.Close();
    }

    private sealed class Lent(SqliteConnection connection, SqliteRawStatement statement)
    {
        public SqliteRawStatement Statement => statement;

        // When the open read transaction began (Stopwatch ticks), 0 for none. Read by the sweep without taking the
        // connection: a stale value only makes it look again or skip one round.
        private long _readingSince;

        public long ReadingSince
        {
            get => Volatile.Read(ref _readingSince);
            private set => Volatile.Write(ref _readingSince, value);
        }

        public void BeginRead(long now)
        {
            SqliteRawStatement.Execute(connection, "BEGIN");
            ReadingSince = now;
        }

        public void EndRead()
        {
            ReadingSince = 0;
            SqliteRawStatement.Execute(connection, "COMMIT");
        }

        public void Close()
        {
            statement.Dispose();
            connection.Dispose();
        }
    }
}
