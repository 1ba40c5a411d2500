using System.Globalization;
using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// Fills in the log's derived indexes behind the chain: <c>access_log_documents</c> (which entries returned
/// which documents) and <c>access_log_citizens</c> (which entries looked a citizen up). Each row is a random
/// insert into a B-tree keyed by document or citizen id: done inside the append, the document rows were about
/// two thirds of an append's cost, and the citizen index dirtied a page of its own per lookup (three times the
/// bytes written per lookup while the API served them, bench/RESULTS.md). They are filled in behind the chain
/// while the server's journal is idle (<c>AccessLogWriter</c>) and always caught up before anything reads them
/// (<see cref="AccessLog.CatchUp"/>).
/// </summary>
public sealed class AccessLogIndex(AccessLogDatabase database)
{
    /// <summary>Indexes up to <paramref name="maxEntries"/> entries after the last indexed one.</summary>
    /// <returns>The last entry indexed now, and whether entries remain after it.</returns>
    public (long IndexedTo, bool More) Extend(int maxEntries)
    {
        using var connection = database.Log.Open();
        // SQLite: BEGIN IMMEDIATE takes the file's write lock; PostgreSQL: the lock makes concurrent indexers take turns.
        using var transaction = connection.BeginTransaction();
        if (database.Log.Dialect == CatalogDialect.PostgreSql)
            SqlCatalog.Execute(connection, transaction, "LOCK TABLE access_log_indexed IN SHARE ROW EXCLUSIVE MODE");
        long from;
        using (var watermark = SqlCatalog.Command(connection, transaction, "SELECT seq FROM access_log_indexed WHERE id = 1"))
            from = Convert.ToInt64(watermark.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);

        var rows = new List<(string DocumentId, long Seq, string Client)>();
        var citizens = new List<(string CitizenId, long Seq)>();
        long to = from, read = 0;
        using (var entries = SqlCatalog.Command(connection, transaction,
            "SELECT seq, client, doc_ids, citizen_id FROM access_log WHERE seq > @from ORDER BY seq LIMIT @n", ("@from", from), ("@n", maxEntries)))
        using (var reader = entries.ExecuteReader())
        {
            while (reader.Read())
            {
                to = reader.GetInt64(0);
                read++;
                var client = reader.GetString(1);
                foreach (var id in reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries)) rows.Add((id, to, client));
                if (!reader.IsDBNull(3)) citizens.Add((reader.GetString(3), to));
            }
        }
        if (read == 0) return (from, false);

        // In key order: neighbouring rows land on the same B-tree pages.
        rows.Sort((a, b) => a.DocumentId != b.DocumentId ? string.CompareOrdinal(a.DocumentId, b.DocumentId) : a.Seq.CompareTo(b.Seq));
        citizens.Sort((a, b) => a.CitizenId != b.CitizenId ? string.CompareOrdinal(a.CitizenId, b.CitizenId) : a.Seq.CompareTo(b.Seq));
        using (var insert = SqlCatalog.Command(connection, transaction,
            "INSERT INTO access_log_citizens (citizen_id, seq) VALUES (@ci, @s) ON CONFLICT DO NOTHING", ("@ci", ""), ("@s", 0L)))
        {
            foreach (var (citizen, seq) in citizens) SqlCatalog.Set(insert, citizen, seq).ExecuteNonQuery();
        }
        using (var insert = SqlCatalog.Command(connection, transaction,
            "INSERT INTO access_log_documents (doc_id, seq, client) VALUES (@d, @s, @c) ON CONFLICT DO NOTHING", ("@d", ""), ("@s", 0L), ("@c", "")))
        {
            foreach (var (id, seq, client) in rows) SqlCatalog.Set(insert, id, seq, client).ExecuteNonQuery();
        }
        SqlCatalog.Execute(connection, transaction, "UPDATE access_log_indexed SET seq = @to WHERE id = 1", ("@to", to));
        transaction.Commit();
        return (to, read == maxEntries);
    }

    /// <summary>Indexes every entry appended so far; readers of either index call this first.</summary>
    public void CatchUp()
    {
        // Chunks, so that an API appending to the same SQLite file meanwhile waits for one chunk at most.
        while (Extend(1000).More)
        {
        }
    }
}
