using DataHub.Connectors.Manifests;
using DataHub.Connectors.Sources;
using DataHub.Core.Normalization;
using DataHub.Core.Schemas;
using DataHub.Pipeline.Sync;
using DataHub.Store.Audit;
using DataHub.Store.Catalog;
using DataHub.Store.Clients;
using DataHub.Store.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataHub.Pipeline.Hosting;

/// <summary>
/// Registers DataHub's parts from configuration, once, for every host: the CLI, the scheduler daemon,
/// the HTTP API and the tests. Embedded defaults need no configuration at all.
/// </summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddDataHub(this IServiceCollection services, IConfiguration configuration, DataHubPaths paths)
    {
        services.AddSingleton(configuration);
        services.AddSingleton(paths);
        services.AddSingleton(_ => LoadSchemas(paths.Resolve(configuration["Schemas:Folder"] ?? "schemas")));
        services.AddSingleton(_ => new NormalizerOptions
        {
            ReviewConfidenceThreshold = configuration.GetValue("Review:ConfidenceThreshold", 80.0),
        });
        services.AddSingleton<ResultNormalizer>();
        services.AddSingleton(_ => new SyncOptions
        {
            BatchSize = configuration.GetValue("Sync:BatchSize", 2000),
            Parallelism = configuration.GetValue("Sync:Parallelism", Math.Max(2, Environment.ProcessorCount)),
            StoreWriters = configuration.GetValue<int?>("Sync:StoreWriters")
                ?? (string.Equals(configuration["Store:Kind"], "azureBlob", StringComparison.OrdinalIgnoreCase) ? 16 : null),
            ReviewSampleRate = configuration.GetValue("Review:SampleRate", 0.05),
            Node = configuration["Cluster:NodeName"] ?? Environment.MachineName,
        });
        services.AddSingleton<ICatalog>(sp =>
        {
            var catalog = CreateCatalog(configuration, paths);
            catalog.EnsureCreated();
            return catalog;
        });
        services.AddSingleton<IDocumentStore>(sp => CreateStore(configuration, paths));
        services.AddSingleton<ISourceKind, FileDropKind>();
        services.AddSingleton<ISourceKind, DataHub.Pipeline.Scans.ScansKind>();
        services.AddSingleton(_ => new DataHub.Ocr.OcrEngine(new DataHub.Ocr.OcrEngineOptions
        {
            PoolSize = configuration.GetValue("Ocr:Workers", Environment.ProcessorCount),
            // 6 for single-column archives (see OcrEngineOptions.GuessedPageSegMode).
            GuessedPageSegMode = configuration.GetValue("Ocr:GuessedPageSegMode", new DataHub.Ocr.OcrEngineOptions().GuessedPageSegMode),
        }));
        services.AddSingleton(_ => new DataHub.Ocr.Extraction.FieldExtractor());
        // Network kinds (issue 4): one resilience pipeline per agency, shared by all its connectors.
        services.AddSingleton<DataHub.Connectors.Resilience.AgencyResilienceRegistry>(_ => new());
        services.AddSingleton<ISourceKind, DataHub.Connectors.Rest.RestKind>();
        services.AddSingleton<ISourceKind, DataHub.Connectors.Soap.SoapKind>();
        services.AddSingleton(sp => new SourceFactory(sp.GetServices<ISourceKind>()));
        services.AddSingleton<IReadOnlyList<ConnectorManifest>>(sp =>
            ManifestLoader.LoadAll(paths.Resolve(configuration["Connectors:Folder"] ?? "connectors"), sp.GetRequiredService<SchemaRegistry>()));
        services.AddSingleton<DataHub.Pipeline.Lookup.CitizenDocuments>();
        services.AddSingleton<DataHub.Pipeline.Review.ReviewDesk>();
        services.AddSingleton<DataHub.Pipeline.Reindex.CatalogRebuilder>();
        services.AddSingleton<DataHub.Pipeline.Reporting.DigitizationReportBuilder>();
        services.AddSingleton(sp => new SyncRunner(
            sp.GetRequiredService<ICatalog>(),
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<ResultNormalizer>(),
            sp.GetRequiredService<SourceFactory>(),
            paths.Home,
            sp.GetRequiredService<SyncOptions>(),
            sp.GetRequiredService<ILogger<SyncRunner>>()));
        AddAccessControl(services, configuration, paths);
        return services;
    }

    /// <summary>
    /// API clients (a catalog table), the access log and reuse figures. The log shares the catalog's
    /// database on PostgreSQL and has a SQLite file of its own embedded (<c>Audit:LogPath</c>, default
    /// <c>data/access-log.db</c>; see <see cref="AccessLogDatabase"/> for why).
    /// </summary>
    private static void AddAccessControl(IServiceCollection services, IConfiguration configuration, DataHubPaths paths)
    {
        services.AddSingleton(sp => sp.GetRequiredService<ICatalog>() as SqlCatalog
            ?? throw new InvalidOperationException("API clients and the access log need the SQL catalog"));
        services.AddSingleton(sp => new ApiClientStore(sp.GetRequiredService<SqlCatalog>()));
        services.AddSingleton(sp =>
        {
            var catalog = sp.GetRequiredService<SqlCatalog>();
            var database = catalog.Dialect == CatalogDialect.Sqlite
                ? AccessLogDatabase.SqliteFile(catalog, SqliteCatalogPath(configuration, paths),
                    configuration["Audit:LogPath"] is { } l ? paths.Resolve(l) : paths.DataPath("access-log.db"))
                : AccessLogDatabase.InCatalog(catalog);
            database.EnsureCreated();
            return database;
        });
        services.AddSingleton(sp => new AccessLog(sp.GetRequiredService<AccessLogDatabase>(),
            new AccessLogAnchor(configuration["Audit:AnchorPath"] is { } a ? paths.Resolve(a) : paths.DataPath("audit/access-log.anchor")),
            configuration["Audit:JournalPath"] is { } j ? paths.Resolve(j) : paths.DataPath("audit/journal")));
        services.AddSingleton(sp => new DocumentReuse(sp.GetRequiredService<AccessLogDatabase>(), sp.GetRequiredService<AccessLog>()));
    }

    private static string SqliteCatalogPath(IConfiguration configuration, DataHubPaths paths) =>
        configuration["Catalog:Path"] is { } p ? paths.Resolve(p) : paths.DataPath("catalog.db");

    public static SqlCatalog CreateCatalog(IConfiguration configuration, DataHubPaths paths) =>
        (configuration["Catalog:Kind"] ?? "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => CatalogFactory.Sqlite(SqliteCatalogPath(configuration, paths)),
            "postgresql" or "postgres" => CatalogFactory.PostgreSql(configuration["Catalog:ConnectionString"]
                ?? throw new InvalidOperationException("Catalog:Kind is postgresql but Catalog:ConnectionString is not set")),
            var other => throw new InvalidOperationException($"Catalog:Kind '{other}' is not sqlite or postgresql"),
        };

    public static IDocumentStore CreateStore(IConfiguration configuration, DataHubPaths paths) =>
        (configuration["Store:Kind"] ?? "filesystem").ToLowerInvariant() switch
        {
            "filesystem" => new FileSystemDocumentStore(configuration["Store:Path"] is { } p ? paths.Resolve(p) : paths.DataPath("store")),
            "azureblob" => new DataHub.Store.AzureBlob.AzureBlobDocumentStore(
                configuration["Store:AzureBlob:ConnectionString"] ?? throw new InvalidOperationException("Store:Kind is azureBlob but Store:AzureBlob:ConnectionString is not set"),
                configuration["Store:AzureBlob:Container"] ?? "datahub-documents"),
            var other => throw new InvalidOperationException($"Store:Kind '{other}' is not filesystem or azureBlob"),
        };

    public static SchemaRegistry LoadSchemas(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"schemas folder {folder} does not exist");
        var texts = Directory.EnumerateFiles(folder, "*.schema.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        return SchemaRegistry.Load(texts);
    }
}
