using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

/// <summary>The bundled paper archive (samples/scans) through OCR, the ledger and the review queue.</summary>
[Collection(BundledSamplesCollection.Name)]
public class PaperArchiveTests(BundledSamplesFixture fixture)
{
    private string Data => fixture.Data;

    [Fact]
    public void Every_page_ends_in_one_ledger_state_and_broken_files_are_one_clear_error_each()
    {
        var rows = CatalogQueries.Query(Data, "SELECT source_ref, state, reason_code, COALESCE(reason, '') FROM ledger WHERE connector = 'quang-nam-paper-archive'",
            r => (Ref: r.GetString(0), State: r.GetString(1), Code: r.IsDBNull(2) ? null : r.GetString(2), Reason: r.GetString(3)));
        var scans = Path.Combine(RepoPaths.Root, "samples", "scans");
        var images = Directory.GetFiles(scans, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".png") || f.EndsWith(".jpg") || f.EndsWith(".tif") || f.EndsWith(".pdf")).ToList();
        // Every file has at least its first page in the ledger; the two multi-page bundles have two.
        foreach (var image in images) Assert.Contains(rows, r => r.Ref == Path.GetRelativePath(scans, image).Replace('\\', '/') + "#p1");
        Assert.Equal(images.Count + 2, rows.Count);
        var empty = rows.Single(r => r.Ref == "box05/empty.tif#p1");
        Assert.Equal(("quarantined", "ocr-unreadable"), (empty.State, empty.Code));
        Assert.Contains("empty", empty.Reason);
        Assert.Equal("ocr-unreadable", rows.Single(r => r.Ref == "box05/truncated.jpg#p1").Code);
        Assert.Contains(rows, r => r.State == "published");
        Assert.Contains(rows, r => r.State == "pending-review" && r.Code == "ocr-low-confidence");
    }

    [Fact]
    public void Published_scans_keep_the_original_and_the_ocr_text_beside_the_document()
    {
        var docIds = CatalogQueries.Query(Data, "SELECT doc_id FROM all_document_versions WHERE connector = 'quang-nam-paper-archive' AND method = 'ocr'", r => r.GetString(0));
        Assert.NotEmpty(docIds);
        foreach (var id in docIds)
        {
            var files = Path.Combine(Data, "store", "documents", id[..2], id, "files");
            Assert.True(File.Exists(Path.Combine(files, "ocr.txt")));
            Assert.Single(Directory.GetFiles(files, "original.*"));
        }
    }

    [Fact]
    public void A_clerk_corrects_and_publishes_or_rejects_and_the_ledger_follows()
    {
        var pending = CatalogQueries.Query(Data,
            "SELECT source_ref FROM review_items WHERE connector = 'quang-nam-paper-archive' AND status = 'pending' AND doc_type = 'birth-certificate' ORDER BY source_ref LIMIT 2", r => r.GetString(0));
        Assert.Equal(2, pending.Count);

        var approve = CliRunner.Run(["review", "approve", $"quang-nam-paper-archive:{pending[0]}", "--set", "ethnicity=Kinh", "--set", "sex=Nam", "--by", "clerk-test", "--data", Data]);
        if (approve.ExitCode != 0)
        {
            // The machine may have misread another field too: the clerk is told exactly what, and nothing is published.
            Assert.Contains("still not publishable", approve.Stderr);
            Assert.Equal("pending-review", CatalogQueries.Query(Data, $"SELECT state FROM ledger WHERE source_ref = '{pending[0]}'", r => r.GetString(0)).Single());
        }
        else
        {
            Assert.Contains("(ocr-reviewed)", approve.Stdout);
            Assert.Equal("published", CatalogQueries.Query(Data, $"SELECT state FROM ledger WHERE source_ref = '{pending[0]}'", r => r.GetString(0)).Single());
            Assert.Equal("ocr-reviewed", CatalogQueries.Query(Data, $"SELECT method FROM all_document_versions WHERE source_ref = '{pending[0]}'", r => r.GetString(0)).Single());
        }

        var reject = CliRunner.Run(["review", "reject", $"quang-nam-paper-archive:{pending[1]}", "--reason", "page illegible", "--by", "clerk-test", "--data", Data]);
        Assert.True(reject.ExitCode == 0, reject.Stderr);
        var rejected = CatalogQueries.Query(Data, $"SELECT state, reason_code, reason FROM ledger WHERE source_ref = '{pending[1]}'", r => (r.GetString(0), r.GetString(1), r.GetString(2))).Single();
        Assert.Equal(("quarantined", "rejected-in-review"), (rejected.Item1, rejected.Item2));
        Assert.Contains("clerk-test", rejected.Item3);

        var again = CliRunner.Run(["review", "reject", $"quang-nam-paper-archive:{pending[1]}", "--reason", "twice", "--data", Data]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already rejected", again.Stderr);
    }
}
