namespace DataHub.Scheduling.Tests;

/// <summary>Every scenario shares one PostgreSQL and runs one after the other: two cores host the nodes under test.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "scheduling";
}
