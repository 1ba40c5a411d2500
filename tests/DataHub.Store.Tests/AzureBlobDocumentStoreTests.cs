using System.Security.Cryptography;
using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

/// <summary>What only the blob backend has to prove: integrity against changes behind its back, and paging.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobDocumentStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlobRestClient _raw = azurite.CreateClient();
    private readonly AzureBlobDocumentStore _store = new(azurite.ConnectionString, AzuriteFixture.NewContainerName("store"), AzuriteFixture.FastOptions);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _raw.DeleteContainerAsync(_store.Container);
        _raw.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task The_layout_is_the_shared_logical_one()
    {
        var id = TestDocuments.NewId();
        await _store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1));
        await _store.SetCurrentAsync(id, 1);
        await _store.PutFileAsync(id, "scan.pdf", new MemoryStream([0x25, 0x50]));

        var names = await _raw.ListAllBlobsAsync(_store.Container).Select(i => i.Name).ToArrayAsync();

        Assert.Equal([$"documents/{id}/current", $"documents/{id}/files/scan.pdf", $"documents/{id}/v1.json"], names);
        Assert.Equal("1"u8.ToArray(), (await _raw.GetBlobAsync(_store.Container, $"documents/{id}/current"))!.Content);
    }

    [Fact]
    public async Task A_version_replaced_behind_our_back_is_refused_on_read()
    {
        var id = TestDocuments.NewId();
        await _store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1));
        // Someone overwrites the blob with a plain upload (the service computes a fresh, matching MD5).
        await _raw.PutBlockBlobAsync(_store.Container, AzureBlobDocumentStore.VersionBlob(id, 1), TestDocuments.Json(id, 1, ",\"forged\":true"));

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => _store.GetVersionAsync(id, 1).AsTask());

        Assert.Contains("SHA-256", error.Message);
        Assert.Contains(AzureBlobDocumentStore.VersionBlob(id, 1), error.Message);
    }

    [Fact]
    public async Task Bytes_that_no_longer_match_the_stored_content_md5_are_refused_on_read()
    {
        var id = TestDocuments.NewId();
        var original = TestDocuments.Json(id, 1);
        await _store.PutVersionAsync(id, 1, original);
        var blob = AzureBlobDocumentStore.VersionBlob(id, 1);
        var before = (await _raw.GetPropertiesAsync(_store.Container, blob))!;
        // Rewrite the bytes keeping our metadata, then put the old MD5 back: the stored hash no longer
        // describes the bytes, as after silent corruption.
        await _raw.PutBlockBlobAsync(_store.Container, blob, TestDocuments.Json(id, 1, ",\"bitrot\":1"), metadata: before.Metadata);
        await _raw.SetContentPropertiesAsync(_store.Container, blob, "application/json", before.ContentMd5);

        var error = await Assert.ThrowsAsync<DocumentStoreException>(() => _store.GetVersionAsync(id, 1).AsTask());

        Assert.Contains("Content-MD5", error.Message);
    }

    [Fact]
    public async Task Rewriting_a_tampered_version_is_a_conflict_not_a_silent_success()
    {
        var id = TestDocuments.NewId();
        var original = TestDocuments.Json(id, 1);
        await _store.PutVersionAsync(id, 1, original);
        await _raw.PutBlockBlobAsync(_store.Container, AzureBlobDocumentStore.VersionBlob(id, 1), TestDocuments.Json(id, 1, ",\"forged\":true"));

        await Assert.ThrowsAsync<DocumentStoreException>(() => _store.PutVersionAsync(id, 1, original).AsTask());
    }

    [Fact]
    public async Task A_replaced_attachment_is_refused_on_open()
    {
        var id = TestDocuments.NewId();
        await _store.PutFileAsync(id, "ocr.txt", new MemoryStream("GIẤY KHAI SINH"u8.ToArray()));
        await _raw.PutBlockBlobAsync(_store.Container, AzureBlobDocumentStore.FileBlob(id, "ocr.txt"), "GIAY KHAI TU"u8.ToArray());

        await Assert.ThrowsAsync<DocumentStoreException>(() => _store.OpenFileAsync(id, "ocr.txt").AsTask());
    }

    [Fact]
    public async Task A_pointer_written_by_another_tool_is_still_listed_from_its_bytes()
    {
        var id = TestDocuments.NewId();
        var content = "7"u8.ToArray();
        await _store.PutVersionAsync(id, 7, TestDocuments.Json(id, 7));
        await _raw.PutBlockBlobAsync(_store.Container, AzureBlobDocumentStore.CurrentBlob(id), content,
            metadata: new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)) });

        var listed = await _store.ListAsync().ToListAsync();

        Assert.Equal(7, listed.Single().Current);
    }

    [Fact]
    public async Task Listing_more_than_one_page_of_5000_blobs_yields_every_document_once()
    {
        // 1,734 documents × 3 blobs = 5,202 blobs: two pages, and 5,000 is not a multiple of 3, so the
        // page boundary falls inside a document and the grouping must carry it over.
        var ids = Enumerable.Range(0, 1734).Select(_ => TestDocuments.NewId()).ToArray();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) =>
        {
            await _store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1), ct);
            await _store.PutVersionAsync(id, 2, TestDocuments.Json(id, 2), ct);
            await _store.SetCurrentAsync(id, 2, ct);
        });

        var firstPage = await _raw.ListBlobsAsync(_store.Container, "documents/");
        var listed = await _store.ListAsync().ToListAsync();

        Assert.Equal(5000, firstPage.Items.Count);
        Assert.NotNull(firstPage.NextMarker);
        Assert.Equal(ids.Select(i => i.Value).Order(StringComparer.Ordinal), listed.Select(d => d.Id.Value));
        Assert.All(listed, d =>
        {
            Assert.Equal([1, 2], d.Versions);
            Assert.Equal(2, d.Current);
        });
    }
}
