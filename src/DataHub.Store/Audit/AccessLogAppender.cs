using System.Data.Common;
using System.Globalization;
using DataHub.Store.Catalog;
using Microsoft.Data.Sqlite;

namespace DataHub.Store.Audit;

/// <summary>
/// One open connection to the access log with its statements prepared, for a writer that appends batch
/// after batch (the API server's journal mover). Opening a pooled connection per batch re-ran its PRAGMAs
/// and re-parsed the head query and the insert every time. Each batch is still one transaction that takes
/// the write lock and reads the chain head inside it, so other writers (a CLI lookup, another node) can
/// only ever extend the chain. Not thread-safe: one writer at a time.
/// </summary>
public sealed class AccessLogAppender : IDisposable
{
    private readonly AccessLogDatabase _database;
    private readonly AccessLogAnchor _anchor;
    private readonly DbConnection _connection;
    private readonly DbCommand _head;
    // SQLite: the insert as a statement on the handle, not an ADO.NET execution with ten boxed parameters per entry;
    // PostgreSQL: the ADO.NET command. One of the two.
    private readonly SqliteRawStatement? _directInsert;
    private readonly DbCommand? _insert;
    private readonly DbCommand _movedTo;
    private readonly DbCommand _setMovedTo;
    private readonly DbCommand? _lock;

    internal AccessLogAppender(AccessLogDatabase database, AccessLogAnchor anchor, string columns)
    {
        _database = database;
        _anchor = anchor;
        _connection = database.Log.Open();
        try
        {
            _head = SqlCatalog.Command(_connection, null, "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1");
            var insertSql = $"INSERT INTO access_log ({columns}) VALUES (@s, @t, @c, @p, @e, @ci, @d, @st, @ph, @h)";
            if (_connection is SqliteConnection sqlite) _directInsert = new SqliteRawStatement(sqlite, insertSql);
            else
                _insert = SqlCatalog.Command(_connection, null, insertSql,
                    ("@s", 0L), ("@t", ""), ("@c", ""), ("@p", null), ("@e", ""), ("@ci", null), ("@d", ""), ("@st", 0), ("@ph", ""), ("@h", ""));
            _movedTo = SqlCatalog.Command(_connection, null, "SELECT moved_to FROM access_log_journals WHERE journal = @j", ("@j", ""));
            _setMovedTo = SqlCatalog.Command(_connection, null,
                "INSERT INTO access_log_journals (journal, moved_to) VALUES (@j, @m) ON CONFLICT (journal) DO UPDATE SET moved_to = excluded.moved_to", ("@j", ""), ("@m", 0L));
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
    public IReadOnlyList<AccessLogRecord> Append(IReadOnlyList<AccessLogEntry> entries) =>
        entries.Count == 0 ? [] : InTransaction(transaction => Chain(transaction, entries));

    /// <summary>
    /// Chains up to <paramref name="maxEntries"/> complete lines of a journal that follow what was moved from it
    /// before, and records how far it is moved, in one transaction: a crash leaves both or neither, and movers in
    /// other processes (the write lock makes them take turns) never move a line twice.
    /// </summary>
    /// <param name="closed">Its writer is gone (see <see cref="AccessLogJournal.IsOpenElsewhere"/>): a partial last line is a torn write.</param>
    /// <param name="writtenTo">How far the journal is written, when its writer moves it (<see cref="AccessLogJournal.Tail"/>).</param>
    public AccessLogJournalMove MoveFromJournal(string journalPath, int maxEntries, bool closed = false, long? writtenTo = null)
    {
        var journal = Path.GetFileName(journalPath);
        var move = default(AccessLogJournalMove);
        InTransaction(transaction =>
        {
            _movedTo.Transaction = _setMovedTo.Transaction = transaction;
            var from = Convert.ToInt64(SqlCatalog.Set(_movedTo, journal).ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
            var (entries, unreadable, end) = AccessLogJournalReader.Read(journalPath, from, maxEntries, closed, writtenTo);
            if (end == from)
            {
                move = new AccessLogJournalMove(0, 0, 0, end);
                return [];
            }
            var records = Chain(transaction, entries);
            move = new AccessLogJournalMove(entries.Count, unreadable, records.Count > 0 ? records[^1].Sequence : 0, end);
            SqlCatalog.Set(_setMovedTo, journal, end).ExecuteNonQuery();
            return records;
        });
        return move;
    }

    /// <summary>Forgets a journal that was deleted once moved completely.</summary>
    public void ForgetJournal(string journalPath) =>
        SqlCatalog.Execute(_connection, null, "DELETE FROM access_log_journals WHERE journal = @j", ("@j", Path.GetFileName(journalPath)));

    private IReadOnlyList<AccessLogRecord> InTransaction(Func<DbTransaction, IReadOnlyList<AccessLogRecord>> work)
    {
        IReadOnlyList<AccessLogRecord> records;
        // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes the write lock up front.
        using (var transaction = _connection.BeginTransaction())
        {
            if (_lock is not null)
            {
                _lock.Transaction = transaction;
                _lock.ExecuteNonQuery();
            }
            records = work(transaction);
            transaction.Commit();
        }
        if (records.Count > 0) _anchor.Advance(records[^1].Sequence, records[^1].Hash);
        return records;
    }

    private List<AccessLogRecord> Chain(DbTransaction transaction, IReadOnlyList<AccessLogEntry> entries)
    {
        _head.Transaction = transaction;
        if (_insert is not null) _insert.Transaction = transaction;
        var records = new List<AccessLogRecord>(entries.Count);
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
            var time = AccessLogChain.TimeText(e.Time);
            var documents = string.Join(',', e.DocumentIds);
            if (_directInsert is not null)
                _directInsert.Bind(1, seq).Bind(2, time).Bind(3, e.Client).Bind(4, e.Purpose).Bind(5, e.Endpoint).Bind(6, e.CitizenId).Bind(7, documents)
                    .Bind(8, e.Status).Bind(9, previous).Bind(10, hash).Execute();
            else
                SqlCatalog.Set(_insert!, seq, time, e.Client, e.Purpose, e.Endpoint, e.CitizenId, documents, e.Status, previous, hash).ExecuteNonQuery();
            records.Add(new AccessLogRecord(seq, e, previous, hash));
            previous = hash;
        }
        return records;
    }

    public void Dispose()
    {
        _head.Dispose();
        _insert?.Dispose();
        _directInsert?.Dispose();
        _movedTo.Dispose();
        _setMovedTo.Dispose();
        _lock?.Dispose();
        _connection.Dispose();
    }
}
