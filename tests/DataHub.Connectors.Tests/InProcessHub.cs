using DataHub.Connectors.Manifests;
using DataHub.Pipeline.Hosting;
using DataHub.Pipeline.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataHub.Connectors.Tests;

/// <summary>DataHub wired exactly as the CLI wires it (AddDataHub), over a test workspace, run in the test process.</summary>
public sealed class InProcessHub : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public InProcessHub(Workspace workspace)
    {
        var (configuration, paths) = DataHubConfiguration.Build(workspace.ConfigFile, null);
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDataHub(configuration, paths);
        _services = services.BuildServiceProvider();
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<IReadOnlyList<ConnectorRunResult>> SyncAsync(params string[] only)
    {
        var all = Get<IReadOnlyList<ConnectorManifest>>();
        var selected = only.Length == 0 ? all : all.Where(m => only.Contains(m.Name)).ToList();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await Get<SyncRunner>().RunAsync(selected, "test", null, timeout.Token);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
