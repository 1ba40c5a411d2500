using DataHub.Core.Documents;
using DataHub.Core.Normalization;
using DataHub.Store.Catalog;
using DataHub.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace DataHub.Integration.Tests.Sync;

/// <summary>
/// With a lookup snapshot window (the API server's), citizen lookups may read a snapshot of the catalog up to that
/// old: a document published meanwhile is listed once the window has passed, and a snapshot left on an idle
/// connection is let go, so a sync's checkpoint can still empty the WAL, and a sync committing beside lookups that
/// never pause keeps the WAL bounded. Without a window, every lookup sees the latest commit.
/// </summary>
public sealed class LookupSnapshotTests : IDisposable
{
    private const string Citizen = "049190000123";
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);
    private readonly TempFolder _folder = new("datahub-snapshot");

    [Fact]
    public async Task A_document_published_after_a_lookup_is_listed_once_the_window_has_passed()
    {
        using var catalog = Open();
        catalog.LookupSnapshotWindow = Window;
        Publish(catalog, "1/2024", "h1");
        await Task.Delay(Window * 3);
        Assert.Equal(["h1"], Hashes(catalog));

        Publish(catalog, "2/2024", "h2");
        await Task.Delay(Window * 3);
        Assert.Equal(["h1", "h2"], Hashes(catalog));
    }

    [Fact]
    public async Task A_snapshot_left_on_an_idle_connection_does_not_hold_back_a_checkpoint()
    {
        using var catalog = Open();
        catalog.LookupSnapshotWindow = Window;
        Publish(catalog, "1/2024", "h1");
        Assert.Equal(["h1"], Hashes(catalog));
        Publish(catalog, "2/2024", "h2");

        // No lookup since: the sweep ends the idle connection's read transaction, and a truncating checkpoint
        // (which waits for every reader of the WAL) completes and empties it.
        await Task.Delay(Window * 4);
        using var connection = new SqliteConnection($"Data Source={_folder.Combine("catalog.db")};Pooling=False");
        connection.Open();
        using (var noWait = connection.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout=0";
            noWait.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(0L, reader.GetInt64(0)); // not busy
        Assert.Equal(0L, new FileInfo(_folder.Combine("catalog.db-wal")).Length);
    }

    [Fact]
    public void Without_a_window_every_lookup_sees_the_latest_commit()
    {
        using var catalog = Open();
        Assert.Equal(TimeSpan.Zero, catalog.LookupSnapshotWindow);
        Publish(catalog, "1/2024", "h1");
        Assert.Equal(["h1"], Hashes(catalog));
        Publish(catalog, "2/2024", "h2");
        Assert.Equal(["h1", "h2"], Hashes(catalog));
    }

    [Fact]
    public async Task A_sync_committing_beside_lookups_that_always_hold_a_snapshot_keeps_the_WAL_bounded()
    {
        const long limit = 1 << 20;
        // Without the bound first: the same work grows the WAL past it many times over, so the bound is what holds it.
        var unbounded = await MaxWalDuringCommitsBesideLookups(long.MaxValue);
        var bounded = await MaxWalDuringCommitsBesideLookups(limit);
        Assert.True(unbounded > 3 * limit, $"without the bound the WAL reached only {unbounded:N0} bytes");
        // The limit plus what one commit writes after the check.
        Assert.True(bounded < 2 * limit, $"with a bound of {limit:N0} bytes the WAL reached {bounded:N0} bytes");
    }

    /// <summary>Two threads look up without pause while 100 batches of 500 versions are committed (~17 MB of WAL); returns the WAL's largest size.</summary>
    private async Task<long> MaxWalDuringCommitsBesideLookups(long walLimit)
    {
        var path = _folder.Combine($"catalog-{walLimit}.db");
        using var catalog = CatalogFactory.Sqlite(path);
        catalog.EnsureCreated();
        catalog.LookupSnapshotWindow = Window;
        catalog.WalLimitBytes = walLimit;
        Publish(catalog, "0/2024", "h0");
        using var stop = new CancellationTokenSource();
        var lookups = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) Assert.NotEmpty(catalog.FindByCitizen(Citizen, null, includeSuperseded: false));
        })).ToArray();
        long largest = 0;
        try
        {
            var run = catalog.StartRun("civil", "manual", null);
            for (var batch = 0; batch < 100; batch++)
            {
                var versions = Enumerable.Range(0, 500).Select(i =>
                {
                    var number = $"{batch * 500 + i + 1}/2025";
                    var doc = DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, number);
                    return new PublishedVersion(doc.Value, 1, DocumentType.BirthCertificate.Slug, "UBND-XA-01", number, new string('h', 64), "valid",
                        new DateOnly(2025, 1, 2), null, "digital", "civil", $"file.json#{number}", [new DocumentSubject($"0491900{batch * 500 + i:D5}", "registrant")]);
                }).ToList();
                catalog.CommitBatch(new BatchCommit(run, "civil", [], versions, [], null, new RunCounts(500, 500, 0, 0, 0)));
                largest = Math.Max(largest, new FileInfo(path + "-wal").Length);
            }
            catalog.FinishRun(run, "succeeded", null);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(lookups);
        }
        return largest;
    }

    private List<string> Hashes(SqlCatalog catalog) =>
        catalog.FindByCitizen(Citizen, null, includeSuperseded: false).Select(d => d.ContentHash).Order(StringComparer.Ordinal).ToList();

    private static void Publish(SqlCatalog catalog, string resultNumber, string hash)
    {
        var doc = DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, resultNumber);
        var run = catalog.StartRun("civil", "manual", null);
        var version = new PublishedVersion(doc.Value, 1, DocumentType.BirthCertificate.Slug, "UBND-XA-01", resultNumber, hash, "valid", new DateOnly(2024, 3, 5), null,
            "digital", "civil", $"file.json#{resultNumber}", [new DocumentSubject(Citizen, "registrant")]);
        catalog.CommitBatch(new BatchCommit(run, "civil", [], [version], [], null, new RunCounts(1, 1, 0, 0, 0)));
        catalog.FinishRun(run, "succeeded", null);
    }

    private SqlCatalog Open()
    {
        var catalog = CatalogFactory.Sqlite(_folder.Combine("catalog.db"));
        catalog.EnsureCreated();
        return catalog;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
