using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

public sealed class FileSystemDocumentStoreContractTests : DocumentStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "datahub-fs-store-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FileSystemDocumentStore _store;

    public FileSystemDocumentStoreContractTests() => _store = new FileSystemDocumentStore(_root);

    protected override IDocumentStore Store => _store;

    [Fact]
    public void A_rename_onto_an_existing_file_moves_nothing_and_one_onto_a_free_name_moves_the_file()
    {
        var from = Path.Combine(_root, "v1.json.tmp");
        var to = Path.Combine(_root, "v1.json");
        File.WriteAllText(from, "new");
        File.WriteAllText(to, "old");

        Assert.False(NoReplaceRename.TryMove(from, to));
        Assert.Equal("old", File.ReadAllText(to));
        Assert.Equal("new", File.ReadAllText(from));

        File.Delete(to);
        Assert.True(NoReplaceRename.TryMove(from, to));
        Assert.Equal("new", File.ReadAllText(to));
        Assert.False(File.Exists(from));

        var missing = Assert.Throws<IOException>(() => NoReplaceRename.TryMove(from, Path.Combine(_root, "v2.json")));
        Assert.Contains("v1.json.tmp", missing.Message);
    }

    [Fact]
    public async Task Repeated_and_conflicting_writes_leave_no_temporary_files_behind()
    {
        var id = TestDocuments.NewId();
        await _store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1));
        await _store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1));
        await Assert.ThrowsAsync<DocumentStoreException>(() => _store.PutVersionAsync(id, 1, TestDocuments.Json(id, 1, ",\"changed\":true")).AsTask());
        await _store.PutVersionAsync(id, 2, TestDocuments.Json(id, 2));
        await _store.SetCurrentAsync(id, 2);

        Assert.Equal(["current", "v1.json", "v2.json"], Directory.GetFiles(_store.FolderOf(id)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
