using System.Net.Http.Headers;
using DataHub.Pipeline.Hosting;
using DataHub.Pipeline.Sync;
using DataHub.Connectors.Manifests;
using DataHub.Store.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataHub.Api.Tests;

/// <summary>
/// The bundled samples synced into a temp data folder, and the real API on Kestrel at a free loopback
/// port, built by the same <see cref="ApiApplication.Build"/> that <c>datahub serve</c> uses.
/// </summary>
public sealed class ApiServer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _app;

    public string DataFolder => System.IO.Path.Combine(_folder.Path, "data");
    public string CatalogPath => System.IO.Path.Combine(DataFolder, "catalog.db");
    public string AccessLogPath => System.IO.Path.Combine(DataFolder, "access-log.db");
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;

    /// <summary>Scope of the main test client: two types, so the other four must stay invisible.</summary>
    public static readonly string[] ClerkTypes = ["birth-certificate", "land-use-right-certificate"];

    public string ClerkKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().Build();
        var paths = new DataHubPaths(RepositoryRoot.Path, DataFolder, null);
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddDataHub(configuration, paths);
        await using (var provider = services.BuildServiceProvider())
        {
            var results = await provider.GetRequiredService<SyncRunner>().RunAsync(provider.GetRequiredService<IReadOnlyList<ConnectorManifest>>(), "test", null, CancellationToken.None);
            if (results.Any(r => !r.Succeeded)) throw new InvalidOperationException("sample sync failed: " + string.Join("; ", results.Select(r => r.Error)));
        }
        _app = ApiApplication.Build(configuration, paths, ["http://127.0.0.1:0"], LogLevel.Warning);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
        ClerkKey = AddClient("clerk-" + Guid.NewGuid().ToString("N")[..8], ClerkTypes, 1000);
    }

    /// <summary>Moves the server's journal into the chained table now (it does so itself within milliseconds), for tests that read the table directly.</summary>
    public void DrainAccessLog() => Services.GetRequiredService<DataHub.Store.Audit.AccessLog>().DrainJournals();

    public string AddClient(string name, IReadOnlyList<string> types, int rate) => Services.GetRequiredService<ApiClientStore>().Add(name, types, rate).Key;

    public HttpClient Client(string? key, string? purpose = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);
        if (purpose is not null) http.DefaultRequestHeaders.Add("X-Purpose", purpose);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
