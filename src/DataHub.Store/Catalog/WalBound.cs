using Microsoft.Data.Sqlite;

namespace DataHub.Store.Catalog;

/// <summary>
/// Keeps an embedded catalog's write-ahead log bounded while lookups read snapshots
/// (<see cref="SqlCatalog.LookupSnapshotWindow"/>). SQLite starts the WAL over only when no reader still uses
/// it; under steady lookups some connection always holds a snapshot, and a sync committing beside them grew the
/// WAL without bound (a simulation: 174 MB after 8 s, against 4.3 MB with a read transaction per lookup;
/// bench/RESULTS.md, eleventh session). So a writer whose commit leaves the WAL past a limit checkpoints it with
/// <c>TRUNCATE</c>: that waits for the readers of older snapshots, which let go within one window, while new
/// readers read the checkpointed database file, and then empties the WAL.
/// </summary>
internal static class WalBound
{
    /// <summary>Large enough that a sync pays the wait once per many batches (a batch of 2,000 records writes ~1.5 MB).</summary>
    public const long MaxBytes = 32L << 20;

    // Readers let go within a window (20 ms); if some still hold on after this, a later commit tries again.
    private const int WaitMilliseconds = 2000;

    public static void Keep(SqliteConnection written, long maxBytes)
    {
        var database = written.DataSource;
        if (string.IsNullOrEmpty(database)) return;
        var wal = new FileInfo(database + "-wal");
        if (!wal.Exists || wal.Length <= maxBytes) return;
        // From a connection of its own: run on the writer's (pooled) connection, the checkpoint waited out its whole
        // busy timeout (30 s) before giving up, although the same checkpoint from another connection took 60–110 ms.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        try
        {
            SqliteRawStatement.Execute(connection, $"PRAGMA busy_timeout={WaitMilliseconds}; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // Busy or locked (another writer, a reader that did not let go in time): the commit stands; a later one tries again.
        }
    }
}
