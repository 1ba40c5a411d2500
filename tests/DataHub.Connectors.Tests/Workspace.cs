using System.Text.Json;
using System.Text.Json.Nodes;

namespace DataHub.Connectors.Tests;

/// <summary>
/// A throw-away DataHub home for one test: network manifests pointed at the test's simulator, with the
/// resilience settings the test wants, a datahub.json, and its own data folder.
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Home = Path.Combine(Path.GetTempPath(), "datahub-connector-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Connectors);
    }

    public string Home { get; }
    public string Connectors => Path.Combine(Home, "connectors");
    public string Data => Path.Combine(Home, "data");
    public string ConfigFile => Path.Combine(Home, "datahub.json");
    public string CatalogPath => Path.Combine(Data, "catalog.db");

    /// <summary>Copies a network manifest, aims it at <paramref name="baseAddress"/>, and applies edits.</summary>
    public Workspace AddNetworkConnector(string name, string baseAddress, Action<JsonObject>? edit = null, string? newName = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.NetworkManifests, name, "connector.json")).Replace("http://127.0.0.1:5090", baseAddress, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(text)!.AsObject();
        if (newName is not null) manifest["name"] = newName;
        edit?.Invoke(manifest);
        var folder = Path.Combine(Connectors, newName ?? name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "connector.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return this;
    }

    public Workspace WriteConfig(int batchSize)
    {
        var config = new JsonObject
        {
            ["Connectors"] = new JsonObject { ["Folder"] = Connectors },
            ["Schemas"] = new JsonObject { ["Folder"] = RepoPaths.Schemas },
            ["Data"] = new JsonObject { ["Directory"] = Data },
            ["Sync"] = new JsonObject { ["BatchSize"] = batchSize },
        };
        File.WriteAllText(ConfigFile, config.ToJsonString());
        return this;
    }

    /// <summary>Resilience for tests: quick backoff, short attempt timeout, and a circuit that only real outages open.</summary>
    // A generous attempt timeout by default: a simulator's cold first request on a busy CI machine outlived
    // 1 s, was retried, and broke tests that count requests or time a Retry-After. Tests that need hung
    // requests cut short pass a short one.
    public static Action<JsonObject> Resilience(double attemptTimeout = 10, int maxRetries = 10, double failureRatio = 0.95, int minimumThroughput = 20, double rps = 200) => m =>
        m["resilience"] = new JsonObject
        {
            ["requestsPerSecond"] = rps, ["attemptTimeoutSeconds"] = attemptTimeout, ["totalTimeoutSeconds"] = 60, ["maxRetries"] = maxRetries,
            ["baseDelayMs"] = 20, ["maxDelaySeconds"] = 0.5, ["maxRetryAfterSeconds"] = 5,
            ["failureRatio"] = failureRatio, ["samplingSeconds"] = 30, ["minimumThroughput"] = minimumThroughput, ["breakSeconds"] = 30,
        };

    public static Action<JsonObject> PageSize(int limit) => m => m["source"]!["paging"]!["limit"] = limit;

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
