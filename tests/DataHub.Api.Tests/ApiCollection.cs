namespace DataHub.Api.Tests;

/// <summary>One synced data folder and one server for all HTTP tests; they run one after another so access-log counts stay exact.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServer>
{
    public const string Name = "api server";
}
