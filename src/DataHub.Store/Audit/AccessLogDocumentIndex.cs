using System.Globalization;
using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// Fills in <c>access_log_documents</c> (which entries returned which documents) behind the chain. Each row
/// is a random insert into a B-tree keyed by document id: done inside the append, it was about two thirds
/// of an append's cost, paid on the single writer every lookup waits for. The chain itself (what makes an
/// access provable) is still written before the response; this derived index is filled in when the writer
/// is idle (<c>AccessLogWriter</c>) and always caught up before anything reads it (<see cref="CatchUp"/>).
/// </summary>
public sealed class AccessLogDocumentIndex(AccessLogDatabase database)
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
        long to = from, read = 0;
        using (var entries = SqlCatalog.Command(connection, transaction,
            "SELECT seq, client, doc_ids FROM access_log WHERE seq > @from ORDER BY seq LIMIT @n", ("@from", from), ("@n", maxEntries)))
        using (var reader = entries.ExecuteReader())
        {
            while (reader.Read())
            {
                to = reader.GetInt64(0);
                read++;
                var client = reader.GetString(1);
                foreach (var id in reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries)) rows.Add((id, to, client));
            }
        }
        if (read == 0) return (from, false);

        // In key order: neighbouring rows land on the same B-tree pages.
        rows.Sort((a, b) => a.DocumentId != b.DocumentId ? string.CompareOrdinal(a.DocumentId, b.DocumentId) : a.Seq.CompareTo(b.Seq));
        using (var insert = SqlCatalog.Command(connection, transaction,
            "INSERT INTO access_log_documents (doc_id, seq, client) VALUES (@d, @s, @c) ON CONFLICT DO NOTHING", ("@d", ""), ("@s", 0L), ("@c", "")))
        {
            foreach (var (id, seq, client) in rows)
            {
                insert.Parameters[0].Value = id;
                insert.Parameters[1].Value = seq;
                insert.Parameters[2].Value = client;
                insert.ExecuteNonQuery();
            }
        }
        SqlCatalog.Execute(connection, transaction, "UPDATE access_log_indexed SET seq = @to WHERE id = 1", ("@to", to));
        transaction.Commit();
        return (to, read == maxEntries);
    }

    /// <summary>Indexes every entry appended so far; readers of <c>access_log_documents</c> call this first.</summary>
    public void CatchUp()
    {
        // Chunks, so that an API appending to the same SQLite file meanwhile waits for one chunk at most.
        while (Extend(1000).More)
        {
        }
    }
}
