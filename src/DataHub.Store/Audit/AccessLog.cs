using System.Data.Common;
using System.Globalization;
using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// The append-only, hash-chained access log, in the database <see cref="AccessLogDatabase"/> says: the
/// catalog's on PostgreSQL (a cluster), a SQLite file of its own embedded. Appends take the table's write lock, read the chain
/// head and add entries after it in one transaction, so concurrent writers (the API, a CLI lookup,
/// another node) can only ever extend the chain, never fork it.
/// </summary>
public sealed class AccessLog(AccessLogDatabase database, AccessLogAnchor anchor)
{
    /// <summary>Which entries returned which documents or looked up which citizen; filled in behind the appends (see its remarks).</summary>
    public AccessLogIndex Index { get; } = new(database);

    private const string Columns = "seq, logged_at, client, purpose, endpoint, citizen_id, doc_ids, status, prev_hash, hash";

    public AccessLogAnchor Anchor => anchor;

    /// <summary>Appends the entries in order, durably, and returns them as chained.</summary>
    public IReadOnlyList<AccessLogRecord> Append(IReadOnlyList<AccessLogEntry> entries)
    {
        if (entries.Count == 0) return [];
        var records = new List<AccessLogRecord>(entries.Count);
        using (var connection = database.Log.Open())
        {
            var sqlite = database.Log.Dialect == CatalogDialect.Sqlite;
            // A commit that crosses SQLite's auto-checkpoint threshold copies the WAL into the database and
            // fsyncs, inside the request that is waiting for its log entry; the API checkpoints in the
            // background instead (WalCheckpointService). Restored below: the connection goes back to a shared pool.
            if (sqlite && !AutoCheckpoint) SqlCatalog.Execute(connection, null, "PRAGMA wal_autocheckpoint=0");
            try
            {
                AppendIn(connection, entries, records);
            }
            finally
            {
                if (sqlite && !AutoCheckpoint) SqlCatalog.Execute(connection, null, "PRAGMA wal_autocheckpoint=1000");
            }
        }
        anchor.Advance(records[^1].Sequence, records[^1].Hash);
        return records;
    }

    /// <summary>False in a host that checkpoints SQLite's WAL itself (the API server); true elsewhere (CLI).</summary>
    public bool AutoCheckpoint { get; set; } = true;

    private void AppendIn(System.Data.Common.DbConnection connection, IReadOnlyList<AccessLogEntry> entries, List<AccessLogRecord> records)
    {
        {
            // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes the write lock up front.
            using var transaction = connection.BeginTransaction();
            if (database.Log.Dialect == CatalogDialect.PostgreSql)
                SqlCatalog.Execute(connection, transaction, "LOCK TABLE access_log IN SHARE ROW EXCLUSIVE MODE");
            long seq = 0;
            var previous = AccessLogChain.Genesis;
            using (var head = SqlCatalog.Command(connection, transaction, "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1"))
            using (var reader = head.ExecuteReader())
            {
                if (reader.Read()) (seq, previous) = (reader.GetInt64(0), reader.GetString(1));
            }
            using var insert = SqlCatalog.Command(connection, transaction,
                $"INSERT INTO access_log ({Columns}) VALUES (@s, @t, @c, @p, @e, @ci, @d, @st, @ph, @h)",
                ("@s", 0L), ("@t", ""), ("@c", ""), ("@p", null), ("@e", ""), ("@ci", null), ("@d", ""), ("@st", 0), ("@ph", ""), ("@h", ""));
            foreach (var e in entries)
            {
                seq++;
                var hash = AccessLogChain.Hash(previous, seq, e);
                SqlCatalog.Set(insert, seq, AccessLogChain.TimeText(e.Time), e.Client, e.Purpose, e.Endpoint, e.CitizenId, string.Join(',', e.DocumentIds), e.Status, previous, hash);
                insert.ExecuteNonQuery();
                records.Add(new AccessLogRecord(seq, e, previous, hash));
                previous = hash;
            }
            transaction.Commit();
        }
    }

    public AccessLogRecord Append(AccessLogEntry entry) => Append([entry])[0];

    /// <summary>The sequence number of the newest entry (0 for an empty log).</summary>
    public long LastSequence()
    {
        using var connection = database.Log.Open();
        using var command = SqlCatalog.Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM access_log");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every entry in sequence order, streamed (the log can be large).</summary>
    public IEnumerable<AccessLogRecord> ReadAll()
    {
        using var connection = database.Log.Open();
        using var command = SqlCatalog.Command(connection, null, $"SELECT {Columns} FROM access_log ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return ReadRecord(reader);
    }

    /// <summary>
    /// Who looked at this citizen's documents: lookups by the citizen's ID, and reads of any document
    /// the citizen is a subject of (found through the catalog's subjects).
    /// </summary>
    public IReadOnlyList<AccessLogRecord> ForCitizen(string citizenId)
    {
        Index.CatchUp();
        var log = database.Prefix;
        using var connection = database.OpenWithCatalog();
        using var command = SqlCatalog.Command(connection, null,
            $"SELECT {Columns} FROM {log}access_log WHERE seq IN (SELECT c.seq FROM {log}access_log_citizens c WHERE c.citizen_id = @ci " +
            $"UNION SELECT d.seq FROM {log}access_log_documents d JOIN subjects s ON s.doc_id = d.doc_id WHERE s.citizen_id = @ci) ORDER BY seq", ("@ci", citizenId));
        using var reader = command.ExecuteReader();
        var records = new List<AccessLogRecord>();
        while (reader.Read()) records.Add(ReadRecord(reader));
        return records;
    }

    private static AccessLogRecord ReadRecord(DbDataReader r)
    {
        var docs = r.GetString(6);
        var entry = new AccessLogEntry(DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
            docs.Length == 0 ? [] : docs.Split(','), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture));
        return new AccessLogRecord(r.GetInt64(0), entry, r.GetString(8), r.GetString(9));
    }
}
