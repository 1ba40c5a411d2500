using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobDocumentStoreContractTests(AzuriteFixture azurite) : DocumentStoreContract, IAsyncLifetime
{
    private readonly AzureBlobDocumentStore _store = new(azurite.ConnectionString, AzuriteFixture.NewContainerName("contract"), AzuriteFixture.FastOptions);

    protected override IDocumentStore Store => _store;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var client = azurite.CreateClient();
        await client.DeleteContainerAsync(_store.Container);
        _store.Dispose();
    }
}
