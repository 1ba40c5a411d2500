using DataHub.Store.Audit;
using DataHub.Store.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Api.Tests;

/// <summary>
/// The embedded access log lives in <c>data/access-log.db</c>, not in <c>catalog.db</c>: its chain still
/// verifies across restarts, the joins with the catalog (who looked at a citizen) still answer, and a log
/// that an earlier version kept inside <c>catalog.db</c> is moved out unchanged.
/// </summary>
public sealed class AccessLogFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    private string CatalogFile => Path.Combine(Data, "catalog.db");

    private string LogFile => Path.Combine(Data, "access-log.db");

    private ServiceProvider Services() => DataFolderServices.Build(Data);

    private static AccessLogEntry Entry(int i, string citizen) => new(DateTimeOffset.UtcNow, "mot-cua-hoi-an", "hồ sơ " + i,
        "GET /v1/citizens/{citizenId}/documents", citizen, ["aaaaaaaaaaaaaaaaaaaaaaaaa" + (char)('a' + i)], 200);

    private void Append(int from, int count, string citizen = "049091001230")
    {
        using var provider = Services();
        var log = provider.GetRequiredService<AccessLog>();
        foreach (var i in Enumerable.Range(from, count)) log.Append(Entry(i, citizen));
        log.Anchor.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    // Entries 1 and 2 look up one citizen, entry 3 another; all indexed.
    private void AppendTwoCitizensIndexed()
    {
        Append(1, 2, citizen: "049091001230");
        Append(3, 1, citizen: "049091001231");
        using (var provider = Services()) provider.GetRequiredService<AccessLog>().Index.CatchUp();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private bool CatalogHasLogTable() =>
        Ledger.Query(CatalogFile, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'access_log'").Single()[0] != "0";

    [Fact]
    public async Task Log_has_a_file_of_its_own_and_its_chain_continues_across_restarts()
    {
        Append(1, 3);
        Append(4, 2);

        Assert.True(File.Exists(LogFile));
        Assert.False(CatalogHasLogTable());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Ledger.Query(LogFile, "SELECT seq FROM access_log ORDER BY seq").Select(r => r[0]));
        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("5 entries", verify.Stdout);
    }

    [Fact]
    public async Task Who_looked_at_a_citizen_joins_the_log_file_with_the_catalog()
    {
        Append(1, 2, citizen: "049091001230");
        Append(3, 1, citizen: "049091001231");

        var who = await Cli.RunAsync(Data, "audit", "citizen", "049091001230");
        Assert.True(who.ExitCode == 0, who.Stderr);
        Assert.Equal(2, who.Stdout.Split('\n').Count(l => l.Contains("mot-cua-hoi-an")));
    }

    [Fact]
    public async Task An_appender_kept_open_extends_the_chain_after_entries_other_writers_appended_meanwhile()
    {
        Append(1, 1);
        using (var provider = Services())
        {
            var log = provider.GetRequiredService<AccessLog>();
            using (var appender = log.OpenAppender())
            {
                Assert.Equal([2L, 3L], appender.Append([Entry(2, "049091001230"), Entry(3, "049091001230")]).Select(r => r.Sequence));
                Append(4, 2); // another process's writer (a CLI lookup) while the appender stays open
                var next = appender.Append([Entry(6, "049091001231")]).Single();
                Assert.Equal(6L, next.Sequence);
                Assert.Equal(Ledger.Query(LogFile, "SELECT hash FROM access_log WHERE seq = 5").Single()[0], next.PreviousHash);
            }
            Assert.Equal(6L, log.Anchor.Read()!.Value.Sequence);
            log.Anchor.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("6 entries", verify.Stdout);
    }

    [Fact]
    public void Document_index_is_filled_in_behind_the_chain_and_caught_up_on_demand()
    {
        Append(1, 3);
        Assert.Equal("0", Ledger.Query(LogFile, "SELECT COUNT(*) FROM access_log_documents").Single()[0]);
        Assert.Equal("0", Ledger.Query(LogFile, "SELECT COUNT(*) FROM access_log_citizens").Single()[0]);

        using (var provider = Services())
        {
            var log = provider.GetRequiredService<AccessLog>();
            Assert.Equal((2L, true), log.Index.Extend(2));
            log.Index.CatchUp();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        Assert.Equal("3", Ledger.Query(LogFile, "SELECT seq FROM access_log_indexed").Single()[0]);
        Assert.Equal(["1", "2", "3"], Ledger.Query(LogFile, "SELECT seq FROM access_log_documents ORDER BY seq").Select(r => r[0]));
        Assert.Equal(["1", "2", "3"], Ledger.Query(LogFile, "SELECT seq FROM access_log_citizens WHERE citizen_id = '049091001230' ORDER BY seq").Select(r => r[0]));
    }

    [Fact]
    public void Index_rows_are_one_per_distinct_document_and_citizen_of_each_entry_whatever_the_ids_hold()
    {
        // Document ids with a quote, a backslash, non-ASCII text and an empty item, a repeated id, an entry without
        // documents and one without a citizen: the database splits the stored list itself (a JSON array on SQLite).
        string?[] citizens = ["049091001230", null, "049091001231", "049091001230"];
        string[][] documents = [["d1", "d2"], [], ["d1", "d1", ""], ["x\"y", "a\\b", "ảnh-01", "a"]];
        using (var provider = Services())
        {
            var log = provider.GetRequiredService<AccessLog>();
            log.Append([.. citizens.Select((c, i) => new AccessLogEntry(DateTimeOffset.UtcNow, "client-" + i, null, "GET /v1/test", c, documents[i], 200))]);
            // Chunks of one entry, then the rest: the flag says whether entries remain.
            Assert.Equal((1L, true), log.Index.Extend(1));
            Assert.Equal((4L, false), log.Index.Extend(10));
            Assert.Equal((4L, false), log.Index.Extend(10));
            log.Anchor.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var expectedDocuments = documents.SelectMany((ids, i) => ids.Where(id => id.Length > 0).Distinct().Select(id => $"{id}|{i + 1}|client-{i}"))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedDocuments, Ledger.Query(LogFile, "SELECT doc_id || '|' || seq || '|' || client FROM access_log_documents").Select(r => r[0])
            .Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["049091001230|1", "049091001230|4", "049091001231|3"],
            Ledger.Query(LogFile, "SELECT citizen_id || '|' || seq FROM access_log_citizens ORDER BY citizen_id, seq").Select(r => r[0]));
    }

    [Fact]
    public async Task Entries_keep_empty_ascii_and_vietnamese_text_exactly_as_logged()
    {
        // The appender binds ASCII text as UTF-8 bytes and anything else as UTF-16; an empty text must stay empty, not NULL.
        AccessLogEntry[] entries =
        [
            new(DateTimeOffset.UtcNow, "mot-cua", "", "GET /v1/test", "049091001230", ["d1"], 200),
            new(DateTimeOffset.UtcNow, "một-cửa", "tra cứu hồ sơ", "GET /v1/test", null, [], 403),
        ];
        using (var provider = Services())
        {
            var log = provider.GetRequiredService<AccessLog>();
            using (var appender = log.OpenAppender()) appender.Append(entries);
            Assert.Equal(entries.Select(e => (e.Client, e.Purpose, e.CitizenId, string.Join(',', e.DocumentIds), e.Status)),
                log.ReadAll().Select(r => (r.Entry.Client, r.Entry.Purpose, r.Entry.CitizenId, string.Join(',', r.Entry.DocumentIds), r.Entry.Status)));
            log.Anchor.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(["0|text"], Ledger.Query(LogFile, "SELECT length(purpose) || '|' || typeof(purpose) FROM access_log WHERE seq = 1").Select(r => r[0]));

        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
    }

    [Fact]
    public async Task A_log_with_an_earlier_versions_inline_citizen_index_is_moved_behind_the_chain()
    {
        AppendTwoCitizensIndexed();
        // The way an earlier version left it: citizens indexed on the chained table itself, not behind it.
        Ledger.Query(LogFile, "DELETE FROM access_log_citizens; CREATE INDEX access_log_citizen ON access_log (citizen_id, seq);");

        var who = await Cli.RunAsync(Data, "audit", "citizen", "049091001230");

        Assert.True(who.ExitCode == 0, who.Stderr);
        Assert.Equal(2, who.Stdout.Split('\n').Count(l => l.Contains("mot-cua-hoi-an")));
        Assert.Equal("0", Ledger.Query(LogFile, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'access_log_citizen'").Single()[0]);
        Assert.Equal(["049091001230 1", "049091001230 2", "049091001231 3"],
            Ledger.Query(LogFile, "SELECT citizen_id || ' ' || seq FROM access_log_citizens ORDER BY 1").Select(r => r[0]));
    }

    [Fact]
    public async Task Index_tables_of_an_earlier_version_without_segments_are_made_anew_and_every_entry_indexed_again()
    {
        AppendTwoCitizensIndexed();
        // The way an earlier version left them: keyed by citizen or document alone, everything indexed.
        Ledger.Query(LogFile, "DROP TABLE access_log_documents; DROP TABLE access_log_citizens; " +
            "CREATE TABLE access_log_documents (doc_id TEXT NOT NULL, seq BIGINT NOT NULL, client TEXT NOT NULL, PRIMARY KEY (doc_id, seq)) WITHOUT ROWID; " +
            "CREATE TABLE access_log_citizens (citizen_id TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (citizen_id, seq)) WITHOUT ROWID; " +
            "INSERT INTO access_log_citizens VALUES ('049091001230', 1), ('049091001230', 2), ('049091001231', 3);");

        var who = await Cli.RunAsync(Data, "audit", "citizen", "049091001230");

        Assert.True(who.ExitCode == 0, who.Stderr);
        Assert.Equal(2, who.Stdout.Split('\n').Count(l => l.Contains("mot-cua-hoi-an")));
        Assert.Equal(["0 049091001230 1", "0 049091001230 2", "0 049091001231 3"],
            Ledger.Query(LogFile, "SELECT segment || ' ' || citizen_id || ' ' || seq FROM access_log_citizens ORDER BY 1").Select(r => r[0]));
        Assert.Equal("3", Ledger.Query(LogFile, "SELECT COUNT(*) FROM access_log_documents").Single()[0]);
    }

    [Fact]
    public async Task A_log_from_before_the_citizen_index_has_its_document_index_made_anew()
    {
        AppendTwoCitizensIndexed();
        // The way a still earlier version left it: a document index keyed by document alone, no citizen index at all.
        Ledger.Query(LogFile, "DROP TABLE access_log_documents; DROP TABLE access_log_citizens; " +
            "CREATE TABLE access_log_documents (doc_id TEXT NOT NULL, seq BIGINT NOT NULL, client TEXT NOT NULL, PRIMARY KEY (doc_id, seq)) WITHOUT ROWID;");

        var who = await Cli.RunAsync(Data, "audit", "citizen", "049091001230");

        Assert.True(who.ExitCode == 0, who.Stderr);
        Assert.Equal(2, who.Stdout.Split('\n').Count(l => l.Contains("mot-cua-hoi-an")));
        Assert.Equal("3", Ledger.Query(LogFile, "SELECT COUNT(*) FROM access_log_documents WHERE segment = 0").Single()[0]);
    }

    [Fact]
    public void Who_looked_at_a_citizen_is_answered_from_every_segment_of_the_index()
    {
        // Entries 1 and 70,000 (segments 0 and 2 of 32,768 entries) look the citizen up; the rest look up others.
        const int entries = 70_000;
        using (var provider = Services())
        {
            var log = provider.GetRequiredService<AccessLog>();
            using (var appender = log.OpenAppender())
                appender.Append([.. Enumerable.Range(1, entries).Select(i => Entry(i % 26, i is 1 or entries ? "049091001230" : $"0490920{i:D5}"))]);
            var found = log.ForCitizen("049091001230");
            Assert.Equal([1L, entries], found.Select(r => r.Sequence));
            Assert.Equal(["0", "2"], Ledger.Query(LogFile, "SELECT DISTINCT segment FROM access_log_citizens WHERE citizen_id = '049091001230' ORDER BY 1").Select(r => r[0]));
            log.Anchor.Dispose();
        }
    }

    [Fact]
    public async Task A_log_kept_in_the_catalog_by_an_earlier_version_is_moved_out_unchanged()
    {
        Append(1, 4);
        var before = Ledger.Query(LogFile, "SELECT * FROM access_log ORDER BY seq");
        // Put the catalog back the way an earlier version left it: the log's tables inside catalog.db, no log file.
        Ledger.Query(CatalogFile, $"ATTACH DATABASE '{LogFile}' AS l; {AccessLogSchemaSql.Create(CatalogDialect.Sqlite)}" +
            " INSERT INTO main.access_log SELECT * FROM l.access_log; INSERT INTO main.access_log_documents SELECT * FROM l.access_log_documents;");
        File.Delete(LogFile);
        Assert.True(CatalogHasLogTable());

        var verify = await Cli.RunAsync(Data, "audit", "verify");

        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("4 entries", verify.Stdout);
        Assert.Equal(before, Ledger.Query(LogFile, "SELECT * FROM access_log ORDER BY seq"));
        Assert.False(CatalogHasLogTable());
        var who = await Cli.RunAsync(Data, "audit", "citizen", "049091001230");
        Assert.Equal(4, who.Stdout.Split('\n').Count(l => l.Contains("mot-cua-hoi-an")));
        Append(5, 1);
        Assert.Contains("5 entries", (await Cli.RunAsync(Data, "audit", "verify")).Stdout);
    }

    [Fact]
    public async Task A_log_in_both_places_that_disagrees_is_refused_not_merged()
    {
        Append(1, 4);
        Ledger.Query(CatalogFile, $"ATTACH DATABASE '{LogFile}' AS l; {AccessLogSchemaSql.Create(CatalogDialect.Sqlite)}" +
            " INSERT INTO main.access_log SELECT * FROM l.access_log; INSERT INTO main.access_log_documents SELECT * FROM l.access_log_documents;" +
            " DELETE FROM l.access_log WHERE seq > 2;");

        var verify = await Cli.RunAsync(Data, "audit", "verify");

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("the access log is in two places that disagree", verify.Stderr);
        Assert.True(CatalogHasLogTable());
    }

    [Fact]
    public async Task A_different_chain_left_in_the_catalog_is_refused_not_dropped()
    {
        Append(1, 4);
        // An earlier version started afresh in catalog.db after the move: same length, different entries.
        Ledger.Query(CatalogFile, $"ATTACH DATABASE '{LogFile}' AS l; {AccessLogSchemaSql.Create(CatalogDialect.Sqlite)}" +
            " INSERT INTO main.access_log SELECT * FROM l.access_log; UPDATE main.access_log SET hash = 'other' WHERE seq = 4;");

        var verify = await Cli.RunAsync(Data, "audit", "verify");

        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("the access log is in two places that disagree", verify.Stderr);
        Assert.True(CatalogHasLogTable());
    }

    public void Dispose() => _folder.Dispose();
}
