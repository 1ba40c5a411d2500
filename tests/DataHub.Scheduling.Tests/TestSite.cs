using System.Text.Json.Nodes;
using DataHub.Store.Catalog;

namespace DataHub.Scheduling.Tests;

/// <summary>
/// A throw-away DataHub installation: generated sample exports, copies of the repository's connector
/// manifests pointing at them with the schedules a scenario needs, and a datahub.json.
/// </summary>
public sealed class TestSite : IDisposable
{
    private TestSite(string dir, IReadOnlyDictionary<string, string> settings)
    {
        Dir = dir;
        Settings = settings;
    }

    public const string CivilStatus = "quang-nam-civil-status";
    public const string LandRegistry = "quang-nam-land-registry";
    public const string Business = "quang-nam-business-registration";

    public string Dir { get; }
    public IReadOnlyDictionary<string, string> Settings { get; }
    public string ConfigFile => Path.Combine(Dir, "datahub.json");
    public string SamplesDir => Path.Combine(Dir, "samples");

    /// <param name="schedules">connector → cron (seconds first, Quartz syntax); the time zone is UTC so tests can compute fire times.</param>
    public static async Task<TestSite> CreateAsync(IReadOnlyDictionary<string, string> schedules, long records, int recordsPerFile, IReadOnlyDictionary<string, string> settings)
    {
        var dir = Directory.CreateTempSubdirectory("datahub-sched-").FullName;
        var all = new Dictionary<string, string>(settings)
        {
            ["Schemas:Folder"] = Path.Combine(RepoPaths.Root, "schemas"),
            ["Connectors:Folder"] = Path.Combine(dir, "connectors"),
        };
        var site = new TestSite(dir, all);
        WriteConfig(site.ConfigFile, all);
        var generated = await DataHubProcess.RunAsync(site.ConfigFile, null, "samples", "--count", records.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--records-per-file", recordsPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", site.SamplesDir, "--no-broken-files");
        if (generated.ExitCode != 0) throw new InvalidOperationException("samples failed: " + generated);
        foreach (var (name, cron) in schedules)
        {
            var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "connectors", name, "connector.json")))!;
            var sourcePath = (string)manifest["source"]!["path"]!;
            manifest["source"]!["path"] = Path.Combine(site.SamplesDir, Path.GetFileName(sourcePath));
            manifest["schedule"] = new JsonObject { ["cron"] = cron, ["timeZone"] = "UTC" };
            Directory.CreateDirectory(Path.Combine(dir, "connectors", name));
            await File.WriteAllTextAsync(Path.Combine(dir, "connectors", name, "connector.json"), manifest.ToJsonString());
        }
        return site;
    }

    /// <summary>Same sources, same schedules, another data folder and catalog: the "clean run" to compare with.</summary>
    public string CloneConfig(string name, IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(Settings);
        foreach (var (k, v) in overrides) settings[k] = v;
        var file = Path.Combine(Dir, name + ".json");
        WriteConfig(file, settings);
        return file;
    }

    public SqlCatalog Catalog() => CatalogFor(Settings, Dir);

    public static SqlCatalog CatalogFor(IReadOnlyDictionary<string, string> settings, string home) =>
        settings.TryGetValue("Catalog:Kind", out var kind) && kind == "postgresql"
            ? CatalogFactory.PostgreSql(settings["Catalog:ConnectionString"])
            : CatalogFactory.Sqlite(Path.Combine(home, settings.TryGetValue("Data:Directory", out var d) ? d : "data", "catalog.db"));

    /// <summary>doc id → content hash of every current document version: what a citizen lookup can return.</summary>
    public static SortedDictionary<string, string> Documents(SqlCatalog catalog)
    {
        using var connection = catalog.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc_id, content_hash FROM all_document_versions WHERE is_current = 1";
        using var reader = command.ExecuteReader();
        var documents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) documents[reader.GetString(0)] = reader.GetString(1);
        return documents;
    }

    private static void WriteConfig(string file, IReadOnlyDictionary<string, string> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var parts = key.Split(':');
            var node = root;
            foreach (var part in parts[..^1]) node = (JsonObject)(node[part] ??= new JsonObject());
            node[parts[^1]] = value;
        }
        File.WriteAllText(file, root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
