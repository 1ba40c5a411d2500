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
        using var appender = OpenAppender();
        return appender.Append(entries);
    }

    /// <summary>False in a host that checkpoints SQLite's WAL itself (the API server); true elsewhere (CLI).</summary>
    public bool AutoCheckpoint { get; set; } = true;

    /// <summary>A connection kept open for appending batch after batch (one writer at a time).</summary>
    public AccessLogAppender OpenAppender() => new(database, anchor, () => AutoCheckpoint, Columns);

    /// <summary>Appends the entries in order, durably, and returns them as chained.</summary>
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
