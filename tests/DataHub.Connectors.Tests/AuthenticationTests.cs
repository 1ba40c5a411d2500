using DataHub.Connectors.Manifests;
using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Tests;

/// <summary>OAuth2 token refresh, WS-Security faults, and <c>datahub check</c>'s verdicts.</summary>
public sealed class AuthenticationTests
{
    [Fact]
    public async Task An_oauth_token_revoked_mid_run_is_fetched_again_once_and_the_read_continues()
    {
        await using var sim = await Simulators.StartAsync();
        using var ws = new Workspace();
        ws.AddNetworkConnector(Simulators.CivilStatus, sim.BaseAddress, m => { Workspace.Resilience()(m); Workspace.PageSize(100)(m); }).WriteConfig(batchSize: 500);
        await using var hub = new InProcessHub(ws);
        var manifest = hub.Get<IReadOnlyList<ConnectorManifest>>().Single();
        var source = hub.Get<SourceFactory>().Create(manifest, ws.Home);

        var read = 0;
        await foreach (var record in source.ReadAsync(null, CancellationToken.None))
        {
            if (++read == 150) sim.Tokens.RevokeAll();
        }
        Assert.Equal(1500, read);
        Assert.Equal(2, sim.Tokens.Issued);
    }

    [Fact]
    public async Task A_wrong_wsse_password_fails_at_once_with_the_agencys_soap_fault()
    {
        await using var sim = await Simulators.StartAsync();
        using var ws = new Workspace();
        ws.AddNetworkConnector(Simulators.Land, sim.BaseAddress, m =>
        {
            Workspace.Resilience()(m);
            m["source"]!["auth"]!["password"] = "wrong";
            m["source"]!["auth"]!.AsObject().Remove("passwordEnv");
        }).WriteConfig(batchSize: 500);
        await using var hub = new InProcessHub(ws);

        var result = Assert.Single(await hub.SyncAsync());

        Assert.False(result.Succeeded);
        Assert.Contains("SOAP fault soap:Client", result.Error);
        Assert.Contains("FailedAuthentication", result.Error);
        Assert.Equal(1, sim.Agencies["land-registry"].Stats.Requests);
    }

    [Fact]
    public async Task Check_reports_reachable_authenticated_and_mapping_per_connector_and_fails_on_bad_ones()
    {
        await using var sim = await Simulators.StartAsync();
        using var ws = new Workspace();
        foreach (var name in Simulators.All) ws.AddNetworkConnector(name, sim.BaseAddress, Workspace.Resilience());
        ws.AddNetworkConnector(Simulators.Business, sim.BaseAddress, m =>
        {
            Workspace.Resilience()(m);
            m["source"]!["auth"]!["key"] = "not-the-key";
            m["source"]!["auth"]!.AsObject().Remove("keyEnv");
        }, newName: "business-wrong-key");
        AddFileDrop(ws, "quang-nam-civil-status", Path.Combine(RepoPaths.Samples, "civil-status"));
        AddFileDrop(ws, "quang-nam-land-registry", Path.Combine(ws.Home, "no-such-folder"));
        ws.WriteConfig(batchSize: 500);

        var (exit, output, error) = await CliProcess.RunAsync(ws, "check");

        Assert.Equal(1, exit);
        string Line(string connector) => output.Split('\n').Single(l => l.StartsWith(connector + " ", StringComparison.Ordinal));
        foreach (var name in Simulators.All)
        {
            Assert.Contains(" ok ", Line(name));
            Assert.Contains("reachable, authenticated", Line(name));
            Assert.Contains("records would publish", Line(name));
        }
        Assert.Contains("FAILED", Line("business-wrong-key"));
        Assert.Contains("refused the credentials", Line("business-wrong-key"));
        Assert.Contains(" ok ", Line("quang-nam-civil-status"));
        Assert.Contains("FAILED", Line("quang-nam-land-registry"));
        Assert.Contains("does not exist", Line("quang-nam-land-registry"));
        Assert.True(string.IsNullOrWhiteSpace(error), error);
        Assert.False(File.Exists(ws.CatalogPath), "check must not write a catalog");
    }

    private static void AddFileDrop(Workspace ws, string name, string folder)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "connectors", name, "connector.json")))!;
        node["source"]!["path"] = folder;
        Directory.CreateDirectory(Path.Combine(ws.Connectors, name));
        File.WriteAllText(Path.Combine(ws.Connectors, name, "connector.json"), node.ToJsonString());
    }
}
