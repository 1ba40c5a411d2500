using System.Data.Common;
using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// One open connection to the access log with its statements prepared, for a writer that appends batch
/// after batch (the API's log writer). Opening a pooled connection per batch re-ran its PRAGMAs and
/// re-parsed the head query and the insert every time. Each batch is still one transaction that takes
/// the write lock and reads the chain head inside it, so other writers (a CLI lookup, another node) can
/// only ever extend the chain. Not thread-safe: one writer at a time.
/// </summary>
public sealed class AccessLogAppender : IDisposable
{
    private readonly AccessLogDatabase _database;
    private readonly AccessLogAnchor _anchor;
    private readonly DbConnection _connection;
    private readonly DbCommand _head;
    private readonly DbCommand _insert;
    private readonly DbCommand? _lock;
    private readonly Func<bool> _autoCheckpoint;
    private bool _autoCheckpointOn = true;

    internal AccessLogAppender(AccessLogDatabase database, AccessLogAnchor anchor, Func<bool> autoCheckpoint, string columns)
    {
        _database = database;
        _anchor = anchor;
        _autoCheckpoint = autoCheckpoint;
        _connection = database.Log.Open();
        try
        {
            _head = SqlCatalog.Command(_connection, null, "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1");
            _insert = SqlCatalog.Command(_connection, null, $"INSERT INTO access_log ({columns}) VALUES (@s, @t, @c, @p, @e, @ci, @d, @st, @ph, @h)",
                ("@s", 0L), ("@t", ""), ("@c", ""), ("@p", null), ("@e", ""), ("@ci", null), ("@d", ""), ("@st", 0), ("@ph", ""), ("@h", ""));
            if (database.Log.Dialect == CatalogDialect.PostgreSql)
                _lock = SqlCatalog.Command(_connection, null, "LOCK TABLE access_log IN SHARE ROW EXCLUSIVE MODE");
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Appends the entries in order, durably (committed before this returns), and returns them as chained.</summary>
    public IReadOnlyList<AccessLogRecord> Append(IReadOnlyList<AccessLogEntry> entries)
    {
        if (entries.Count == 0) return [];
        var records = new List<AccessLogRecord>(entries.Count);
        // A commit that crosses SQLite's auto-checkpoint threshold copies the WAL into the database and
        // fsyncs, inside the batch that requests wait for; a host that checkpoints in the background
        // (the API server's WalCheckpointService) turns it off, and may turn it on again while this is open.
        if (_database.Log.Dialect == CatalogDialect.Sqlite && _autoCheckpoint() != _autoCheckpointOn)
        {
            _autoCheckpointOn = !_autoCheckpointOn;
            SqlCatalog.Execute(_connection, null, _autoCheckpointOn ? "PRAGMA wal_autocheckpoint=1000" : "PRAGMA wal_autocheckpoint=0");
        }
        // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes the write lock up front.
        using (var transaction = _connection.BeginTransaction())
        {
            _head.Transaction = _insert.Transaction = transaction;
            if (_lock is not null)
            {
                _lock.Transaction = transaction;
                _lock.ExecuteNonQuery();
            }
            long seq = 0;
            var previous = AccessLogChain.Genesis;
            using (var reader = _head.ExecuteReader())
            {
                if (reader.Read()) (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
            }
            foreach (var e in entries)
            {
                seq++;
                var hash = AccessLogChain.Hash(previous, seq, e);
                SqlCatalog.Set(_insert, seq, AccessLogChain.TimeText(e.Time), e.Client, e.Purpose, e.Endpoint, e.CitizenId, string.Join(',', e.DocumentIds), e.Status, previous, hash);
                _insert.ExecuteNonQuery();
                records.Add(new AccessLogRecord(seq, e, previous, hash));
                previous = hash;
            }
            transaction.Commit();
        }
        _anchor.Advance(records[^1].Sequence, records[^1].Hash);
        return records;
    }

    /// <summary>
    /// SQLite: checkpoints from the writer's own connection, between two of its batches. The host's background
    /// checkpoints (<c>WalCheckpointService</c>) copy the WAL while this writer keeps appending, so under
    /// sustained load they never reach its end, and SQLite restarts a WAL only once all of it is copied: the
    /// file grew by 27 MB a second (537 MB in a 20-s lookup run), every commit extending it. Copying the few
    /// frames appended since the last background pass, with no append in between, lets the next commit
    /// start the WAL over.
    /// </summary>
    public void CheckpointTail()
    {
        if (_database.Log.Dialect == CatalogDialect.Sqlite) SqlCatalog.Execute(_connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
    }

    public void Dispose()
    {
        _head.Dispose();
        _insert.Dispose();
        _lock?.Dispose();
        // Back to the shared pool: the connection must leave as it came.
        if (!_autoCheckpointOn && _connection.State == System.Data.ConnectionState.Open)
        {
            try { SqlCatalog.Execute(_connection, null, "PRAGMA wal_autocheckpoint=1000"); } catch (DbException) { }
        }
        _connection.Dispose();
    }
}
