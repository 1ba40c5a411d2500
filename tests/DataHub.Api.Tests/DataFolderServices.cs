using DataHub.Pipeline.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataHub.Api.Tests;

/// <summary>DataHub's services wired as the CLI wires them (default configuration) over a data folder of a test's own.</summary>
internal static class DataFolderServices
{
    public static ServiceProvider Build(string dataFolder) =>
        new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddDataHub(new ConfigurationBuilder().Build(), new DataHubPaths(RepositoryRoot.Path, dataFolder, null)).BuildServiceProvider();
}
