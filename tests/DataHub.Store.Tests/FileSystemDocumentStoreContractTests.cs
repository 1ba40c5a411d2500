using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

public sealed class FileSystemDocumentStoreContractTests : DocumentStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "datahub-fs-store-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FileSystemDocumentStore _store;

    public FileSystemDocumentStoreContractTests() => _store = new FileSystemDocumentStore(_root);

    protected override IDocumentStore Store => _store;

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
