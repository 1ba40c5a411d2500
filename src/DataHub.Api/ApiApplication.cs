using DataHub.Pipeline.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DataHub.Api;

/// <summary>
/// Builds the lookup/report API on Kestrel with DataHub's services from configuration. Used by
/// <c>datahub serve</c>, the tests and the benchmark; they all run the same application.
/// </summary>
public static class ApiApplication
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(IConfiguration configuration, DataHubPaths paths, string[] urls, LogLevel logLevel = LogLevel.Information)
    {
        // Catalog reads are synchronous ADO.NET calls; on a 2-core machine the pool starts with 2 threads and
        // adds more only slowly, so a burst of lookups would queue behind blocked threads. Start with enough.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, configuration.GetValue("Api:MinThreads", 64)), io);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ApiApplication).Assembly.GetName().Name,
            ContentRootPath = paths.Home,
            // No appsettings.json reload: it watches the content root (the DataHub folder, data/ included)
            // recursively, so every write to the access log's WAL and anchor woke a watcher thread; measured
            // at 8 % of the server's CPU under lookup load. DataHub's own configuration never reloads anyway.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        // Request paths carry citizen IDs: keep ASP.NET Core's own request logging quiet and mask whatever is written.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddConsole(o =>
        {
            o.FormatterName = MaskingConsoleFormatter.Name;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        builder.Logging.AddConsoleFormatter<MaskingConsoleFormatter, ConsoleFormatterOptions>();
        builder.Services.AddDataHub(configuration, paths);
        builder.Services.AddDataHubApi();

        var app = builder.Build();
        // Set on the app, not through UseUrls: the DataHub configuration is chained in read-only.
        foreach (var url in urls) app.Urls.Add(url);
        app.UseDataHubApi();
        app.MapDataHubApi();
        return app;
    }
}
