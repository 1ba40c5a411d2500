using System.Collections.Concurrent;
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

    // Lookup readers let go within a window (20 ms); a longer reader (a report, a backup) makes the checkpoint give up
    // after this, and the next attempt waits until the WAL has grown by another limit: a sync is held up at most this
    // long per limit's worth of commits, not at every commit.
    private const int WaitMilliseconds = 500;
    private static readonly ConcurrentDictionary<string, long> RetryPast = new(StringComparer.Ordinal);

    public static void Keep(SqliteConnection written, long maxBytes)
    {
        var database = written.DataSource;
        if (string.IsNullOrEmpty(database)) return;
        var wal = new FileInfo(database + "-wal");
        if (!wal.Exists || wal.Length <= Math.Max(maxBytes, RetryPast.GetValueOrDefault(database))) return;
        // From a connection of its own: run on the writer's (pooled) connection, the checkpoint waited out its whole
        // busy timeout (30 s) before giving up, although the same checkpoint from another connection took 60–110 ms.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        var busy = true;
        try
        {
            SqlCatalog.Execute(connection, null, $"PRAGMA busy_timeout={WaitMilliseconds}");
            using var checkpoint = SqlCatalog.Command(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
            using var result = checkpoint.ExecuteReader();
            // (busy, log frames, checkpointed frames): busy = 1 when a reader or writer kept it from finishing.
            busy = !result.Read() || result.GetInt64(0) != 0;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            // Busy or locked: the commit stands either way.
        }
        if (busy) RetryPast[database] = wal.Length + maxBytes;
        else RetryPast.TryRemove(database, out _);
    }
}
