namespace DataHub.Store.Tests;

/// <summary>Every test that needs Azurite shares one instance (and runs serially against it).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
