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
    /// <summary>
    /// Index rows are keyed by segment first: entry <c>seq</c> is in segment <c>seq &gt;&gt; SegmentBits</c> (32,768
    /// entries, one chunk), and a chunk ends where its segment does, so a whole chunk goes into an empty subtree in key
    /// order. Keyed by citizen or document alone, every chunk's rows landed on random pages of the whole index: a chunk
    /// of 32,768 entries into a log of 800,000 wrote 29,195 pages (114 MB) to the WAL, ~23 µs an entry; the server then
    /// indexed under load at a quarter of its lookups' CPU (bench/RESULTS.md, thirteenth session). A reader asks each
    /// segment (<see cref="SegmentsSql"/>): a seek per 32,768 entries of log, for an auditor's question.
    /// </summary>
    public const int SegmentBits = 15; // spelled out in the statements below

    /// <summary>A CTE <c>segments(s)</c> of every segment number the log has, for readers to seek in each (prefix: the log's schema).</summary>
    public static string SegmentsSql(string prefix) =>
        $"segments(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM segments WHERE s < (SELECT COALESCE(MAX(seq), 0) >> {SegmentBits} FROM {prefix}access_log))";

    // Each index is filled by one statement per chunk that reads the chunk's entries and inserts their rows in key
    // order (so neighbouring rows share pages); the database sorts them. Read into .NET, sorted there and inserted
    // row by row, a chunk held its rows as strings until it committed: 12 garbage collections (7 of them full) and
    // 116 ms of pauses over 229,000 entries in chunks of 32,768, which the server's requests would have shared.
    // Now nothing is allocated in .NET, at the same CPU cost.
    private const string CitizensSql =
        "INSERT INTO access_log_citizens (segment, citizen_id, seq) SELECT seq >> 15, citizen_id, seq FROM access_log " +
        "WHERE seq > @from AND seq <= @to AND citizen_id IS NOT NULL ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING";

    // The entry's document ids are stored comma-separated: SQLite splits them as a JSON array (quotes and
    // backslashes escaped first, though ids never hold either), PostgreSQL as an array.
    private const string DocumentsSqlite = """
        INSERT INTO access_log_documents (segment, doc_id, seq, client)
        SELECT a.seq >> 15, j.value, a.seq, a.client
        FROM access_log a, json_each('["' || replace(replace(replace(a.doc_ids, '\', '\\'), '"', '\"'), ',', '","') || '"]') j
        WHERE a.seq > @from AND a.seq <= @to AND a.doc_ids <> '' AND j.value <> ''
        ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING
        """;

    private const string DocumentsPostgres = """
        INSERT INTO access_log_documents (segment, doc_id, seq, client)
        SELECT a.seq >> 15, d.id, a.seq, a.client
        FROM access_log a CROSS JOIN LATERAL unnest(string_to_array(a.doc_ids, ',')) AS d(id)
        WHERE a.seq > @from AND a.seq <= @to AND d.id <> ''
        ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING
        """;

    // A chunk ends where its segment does: a chunk of a whole segment is inserted into an empty subtree, in key order.
    private static long LastOfSegment(long seq) => ((seq >> SegmentBits) + 1 << SegmentBits) - 1;

    /// <summary>Indexes up to <paramref name="maxEntries"/> entries after the last indexed one, within one segment.</summary>
    /// <returns>The last entry indexed now, and whether entries remain after it.</returns>
    public (long IndexedTo, bool More) Extend(int maxEntries)
    {
        using var connection = database.Log.Open();
        var postgres = database.Log.Dialect == CatalogDialect.PostgreSql;
        // SQLite: BEGIN IMMEDIATE takes the file's write lock; PostgreSQL: the lock makes concurrent indexers take turns.
        using var transaction = connection.BeginTransaction();
        if (postgres) SqlCatalog.Execute(connection, transaction, "LOCK TABLE access_log_indexed IN SHARE ROW EXCLUSIVE MODE");
        long from;
        using (var watermark = SqlCatalog.Command(connection, transaction, "SELECT seq FROM access_log_indexed WHERE id = 1"))
            from = Convert.ToInt64(watermark.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);

        long read, to;
        var last = LastOfSegment(from + 1);
        using (var chunk = SqlCatalog.Command(connection, transaction,
            "SELECT COUNT(*), MAX(seq) FROM (SELECT seq FROM access_log WHERE seq > @from AND seq <= @last ORDER BY seq LIMIT @n) c",
            ("@from", from), ("@last", last), ("@n", maxEntries)))
        using (var reader = chunk.ExecuteReader())
        {
            reader.Read();
            read = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            to = reader.IsDBNull(1) ? from : Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        if (read == 0) return (from, false);

        SqlCatalog.Execute(connection, transaction, CitizensSql, ("@from", from), ("@to", to));
        SqlCatalog.Execute(connection, transaction, postgres ? DocumentsPostgres : DocumentsSqlite, ("@from", from), ("@to", to));
        SqlCatalog.Execute(connection, transaction, "UPDATE access_log_indexed SET seq = @to WHERE id = 1", ("@to", to));
        transaction.Commit();
        // A chunk cut short by its segment's end may have entries after it.
        return (to, read == maxEntries || to == last);
    }

    /// <summary>
    /// Entries per transaction, for the server's indexing and readers' catch-up alike: large, because the rows of a
    /// chunk share the pages they are inserted into the more of them there are (CPU per entry, commit writes
    /// included: 31 µs in chunks of 4,096, 11–15 µs in chunks of 32,768; bench/RESULTS.md, eleventh session), and
    /// bounded: a chunk holds the SQLite file's write lock for ~0.4 s, which an API server moving its journal into the
    /// same file waits out (a reader catching up takes it chunk after chunk; the server's lines wait in its journal).
    /// </summary>
    public const int CatchUpChunk = 32_768;

    /// <summary>Indexes every entry appended so far; readers of either index call this first.</summary>
    public void CatchUp()
    {
        while (Extend(CatchUpChunk).More)
        {
        }
    }
}
