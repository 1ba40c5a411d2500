using DataHub.Core.Documents;
using DataHub.Core.Normalization;
using DataHub.Store.Catalog;
using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

/// <summary>
/// The SQLite catalog stages a run's versions and merges them into the keyed tables when the run ends
/// (Store/Catalog/CatalogStaging.cs): the run's own decisions see them at once, lookups once merged, and a
/// crashed run's staged rows are merged before the next run.
/// </summary>
public sealed class StagedCatalogTests : IDisposable
{
    private const string Citizen = "049190000123";
    private readonly TempFolder _folder = new("datahub-staging");

    [Fact]
    public void A_runs_versions_are_seen_by_its_next_batches_and_reach_lookups_when_it_ends()
    {
        using var catalog = Open();
        var doc = DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, "12/2024");
        var first = catalog.StartRun("civil", "manual", null);
        catalog.CommitBatch(Batch(first, Version(doc, 1, "h1")));
        catalog.FinishRun(first, "succeeded", null);
        Assert.Equal([(1, true)], Versions(catalog, doc));

        var second = catalog.StartRun("civil", "manual", null);
        catalog.CommitBatch(Batch(second, Version(doc, 2, "h2")));
        // The run's next batch decides against version 2, which lookups do not see yet.
        Assert.Equal(new CurrentVersion(2, "h2", second, "file.json#2"), catalog.FindCurrent([doc.Value])[doc.Value]);
        Assert.Equal(["h1"], catalog.FindByCitizen(Citizen, null, includeSuperseded: false).Select(d => d.ContentHash));
        catalog.CommitBatch(Batch(second, Version(doc, 3, "h3")));
        Assert.Equal(3, catalog.FindCurrent([doc.Value])[doc.Value].Version);
        catalog.FinishRun(second, "succeeded", null);

        Assert.Equal([(3, true), (2, false), (1, false)], Versions(catalog, doc));
        Assert.Equal(["h3"], catalog.FindByCitizen(Citizen, null, includeSuperseded: false).Select(d => d.ContentHash));
        Assert.Equal(3, catalog.FindCurrent([doc.Value])[doc.Value].Version);
        Assert.Equal(0L, Count(catalog, "staged_versions") + Count(catalog, "staged_subjects"));
        Assert.Equal(1L, Count(catalog, "subjects"));
    }

    [Fact]
    public void A_crashed_runs_staged_versions_are_merged_before_the_next_run_decides()
    {
        var doc = DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, "13/2024");
        using (var crashed = Open())
        {
            var run = crashed.StartRun("civil", "manual", null);
            crashed.CommitBatch(Batch(run, Version(doc, 1, "h1")));
            // No FinishRun: the process died here.
        }
        using var catalog = Open();
        Assert.Empty(catalog.FindByCitizen(Citizen, null, includeSuperseded: true));
        catalog.StartRun("civil", "manual", null);
        Assert.Equal([(1, true)], Versions(catalog, doc));
        Assert.Equal("h1", catalog.FindCurrent([doc.Value])[doc.Value].ContentHash);
        Assert.Equal(0L, Count(catalog, "staged_versions"));
    }

    [Fact]
    public void A_lookup_reads_every_column_as_the_document_history_does()
    {
        // Lookups read through a statement prepared on the SQLite handle, the history through ADO.NET: same rows.
        using var catalog = Open();
        var doc = DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, "14/2024");
        var run = catalog.StartRun("civil", "manual", null);
        catalog.CommitBatch(Batch(run, Version(doc, 1, "h1") with { ValidUntil = new DateOnly(2030, 12, 31), Status = "revoked" }));
        catalog.CommitBatch(Batch(run, Version(doc, 2, "h2")));
        catalog.FinishRun(run, "succeeded", null);

        var found = catalog.FindByCitizen(Citizen, null, includeSuperseded: true);
        Assert.Equal(catalog.GetVersions(doc), found.Select(d => d with { Role = null }));
        Assert.All(found, d => Assert.Equal("registrant", d.Role));
        Assert.Equal([new DateOnly(2030, 12, 31)], found.Where(d => d.Version == 1).Select(d => d.ValidUntil));
        Assert.Equal(TimeSpan.Zero, found[0].PublishedAt.Offset);
        Assert.Equal([2], catalog.FindByCitizen(Citizen, DocumentType.BirthCertificate.Slug, includeSuperseded: false).Select(d => d.Version));
        Assert.Empty(catalog.FindByCitizen(Citizen, DocumentType.MarriageCertificate.Slug, includeSuperseded: true));
        Assert.Empty(catalog.FindByCitizen("049190000124", null, includeSuperseded: true));
    }

    [Fact]
    public void A_small_run_stays_in_the_recent_level_seen_by_every_reader_until_a_larger_one_merges_it()
    {
        using var catalog = Open();
        var docs = Enumerable.Range(0, 100).Select(i => DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, $"{i}/2023")).ToList();
        string CitizenOf(int i) => "04919000" + (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var seed = catalog.StartRun("civil", "manual", null);
        catalog.CommitBatch(Batch(seed, [.. docs.Select((d, i) => Version(d, 1, "s" + i, CitizenOf(i)))]));
        catalog.FinishRun(seed, "succeeded", null);
        // Into an empty catalog: merged.
        Assert.Equal((100L, 0L), (Count(catalog, "document_versions"), Count(catalog, "recent_versions")));

        // Two versions next to 100 keyed ones: they stay recent. A correction of a keyed document, with a second citizen
        // added, and a new document.
        var fresh = DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, "99/2024");
        var delta = catalog.StartRun("civil", "manual", null);
        var correction = Version(docs[0], 2, "c0", CitizenOf(0)) with { Subjects = [new(CitizenOf(0), "registrant"), new(Citizen, "father")] };
        catalog.CommitBatch(Batch(delta, [correction, Version(fresh, 1, "f1", CitizenOf(0))]));
        catalog.FinishRun(delta, "succeeded", null);
        Assert.Equal((100L, 2L, 3L), (Count(catalog, "document_versions"), Count(catalog, "recent_versions"), Count(catalog, "recent_subjects")));
        // The keyed version it supersedes says so in its own table.
        Assert.Equal(99L, Count(catalog, "document_versions WHERE is_current = 1"));
        AssertOneCurrentVersionEach(catalog);

        Assert.Equal([(2, true), (1, false)], Versions(catalog, docs[0]));
        // Listed once although the citizen is a subject in both levels; the superseded version only when asked for.
        Assert.Equal(new[] { (fresh.Value, 1), (docs[0].Value, 2) }.Order(), catalog.FindByCitizen(CitizenOf(0), null, includeSuperseded: false).Select(d => (d.DocumentId, d.Version)).Order());
        Assert.Equal(new[] { (docs[0].Value, 1), (docs[0].Value, 2), (fresh.Value, 1) }.Order(),
            catalog.FindByCitizen(CitizenOf(0), null, includeSuperseded: true).Select(d => (d.DocumentId, d.Version)).Order());
        // The added citizen: the current version, and through the recent subject the keyed history too.
        Assert.Equal([2], catalog.FindByCitizen(Citizen, null, includeSuperseded: false).Select(d => d.Version));
        Assert.Equal([2, 1], catalog.FindByCitizen(Citizen, null, includeSuperseded: true).Select(d => d.Version));
        using (var another = Open())
        {
            // A new process (no staged rows in memory) decides against the recent level.
            var current = another.FindCurrent([docs[0].Value, fresh.Value, docs[1].Value]);
            Assert.Equal([("c0", 2), ("f1", 1), ("s1", 1)], new[] { docs[0], fresh, docs[1] }.Select(d => (current[d.Value].ContentHash, current[d.Value].Version)));
        }

        // Still within a twentieth (4 rows): two corrections of the recent document in one run, staged together.
        var again = catalog.StartRun("civil", "manual", null);
        catalog.CommitBatch(Batch(again, [Version(fresh, 2, "f2", CitizenOf(0)), Version(fresh, 3, "f3", CitizenOf(0))]));
        catalog.FinishRun(again, "succeeded", null);
        Assert.Equal((100L, 4L), (Count(catalog, "document_versions"), Count(catalog, "recent_versions")));
        Assert.Equal([(3, true), (2, false), (1, false)], Versions(catalog, fresh));
        AssertOneCurrentVersionEach(catalog);
        using (var another = Open()) Assert.Equal(("f3", 3), (another.FindCurrent([fresh.Value])[fresh.Value].ContentHash, another.FindCurrent([fresh.Value])[fresh.Value].Version));
        Assert.Equal(new[] { (fresh.Value, 3), (docs[0].Value, 2) }.Order(), catalog.FindByCitizen(CitizenOf(0), null, includeSuperseded: false).Select(d => (d.DocumentId, d.Version)).Order());
        var before = new[] { CitizenOf(0), Citizen }.SelectMany(c => catalog.FindByCitizen(c, null, includeSuperseded: true)).ToList();
        var fingerprint = catalog.DocumentIndexFingerprint();

        // Two more rows would pass a twentieth: everything is merged, and readers see exactly what they saw.
        var larger = catalog.StartRun("civil", "manual", null);
        catalog.CommitBatch(Batch(larger, [Version(docs[1], 2, "c1", CitizenOf(1)), Version(docs[2], 2, "c2", CitizenOf(2))]));
        catalog.FinishRun(larger, "succeeded", null);
        Assert.Equal((106L, 0L, 0L), (Count(catalog, "document_versions"), Count(catalog, "recent_versions"), Count(catalog, "recent_subjects")));
        Assert.Equal(1L, Count(catalog, "catalog_counts WHERE name = 'document_versions' AND value = 106"));
        AssertOneCurrentVersionEach(catalog);
        Assert.Equal(before, new[] { CitizenOf(0), Citizen }.SelectMany(c => catalog.FindByCitizen(c, null, includeSuperseded: true)));
        // Only the two corrected documents' rows differ: their first versions are superseded, their second ones new.
        var after = catalog.DocumentIndexFingerprint();
        Assert.Equal([.. new[] { docs[1], docs[2] }.Select(d => d.Value + " v1").Order(StringComparer.Ordinal)],
            fingerprint.Except(after).Select(r => r[..r.IndexOf(" v1", StringComparison.Ordinal)] + " v1").Order(StringComparer.Ordinal));
        Assert.Equal(fingerprint.Count + 2, after.Count);
        Assert.Equal(101L, Count(catalog, "document_versions WHERE is_current = 1"));
    }

    [Fact]
    public void A_large_runs_last_rows_are_merged_like_its_first_though_they_alone_would_be_small()
    {
        // 10,000 rows past the mid-run merge of 200,000: a twentieth of the keyed rows then, but part of a run as large.
        using var catalog = Open();
        var run = catalog.StartRun("civil", "manual", null);
        var total = 200_000 + 10_000; // CatalogStaging.MergeThreshold, then 10,000 more
        for (var start = 0; start < total; start += 10_000)
        {
            catalog.CommitBatch(Batch(run, [.. Enumerable.Range(start, 10_000).Select(i =>
                Version(DocumentId.Derive("UBND-XA-01", DocumentType.BirthCertificate, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, "h" + i))]));
        }
        Assert.Equal(10_000L, Count(catalog, "staged_versions"));
        catalog.FinishRun(run, "succeeded", null);
        Assert.Equal(((long)total, 0L, 0L), (Count(catalog, "document_versions"), Count(catalog, "recent_versions"), Count(catalog, "staged_versions")));
    }

    /// <summary>Across both levels: one row per version, and exactly one current version per document.</summary>
    private static void AssertOneCurrentVersionEach(SqlCatalog catalog)
    {
        Assert.Equal(0L, Count(catalog, "(SELECT doc_id FROM all_document_versions GROUP BY doc_id, version HAVING COUNT(*) > 1)"));
        Assert.Equal(0L, Count(catalog, "(SELECT doc_id FROM all_document_versions GROUP BY doc_id HAVING SUM(is_current) <> 1)"));
    }

    private SqlCatalog Open()
    {
        var catalog = CatalogFactory.Sqlite(_folder.Combine("catalog.db"));
        catalog.EnsureCreated();
        return catalog;
    }

    private static PublishedVersion Version(DocumentId doc, int version, string hash, string citizen = Citizen) =>
        new(doc.Value, version, DocumentType.BirthCertificate.Slug, "UBND-XA-01", "12/2024", hash, "valid", new DateOnly(2024, 3, 5), null, "digital", "civil",
            $"file.json#{version}", [new DocumentSubject(citizen, "registrant")]);

    private static BatchCommit Batch(long run, params PublishedVersion[] versions) =>
        new(run, "civil", [], versions, [], null, new RunCounts(versions.Length, versions.Length, 0, 0, 0));

    private static List<(int, bool)> Versions(SqlCatalog catalog, DocumentId doc) =>
        catalog.GetVersions(doc).Select(v => (v.Version, v.IsCurrent)).ToList();

    private static long Count(SqlCatalog catalog, string table)
    {
        using var connection = catalog.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _folder.Dispose();
}
