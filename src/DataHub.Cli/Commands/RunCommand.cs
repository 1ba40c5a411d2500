using System.CommandLine;
using DataHub.Pipeline.Hosting;
using DataHub.Pipeline.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub run</c>: the scheduler daemon. A generic host with Quartz: every connector on its cron,
/// persistent job store (SQLite by default, PostgreSQL + clustering when configured), graceful stop on
/// SIGTERM (running syncs stop between batches and are handed back for recovery). Hosts the extensions
/// the composition root provides (the HTTP API when <c>Api:Enabled</c>).
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Scheduler daemon: run every connector on its schedule (+ the HTTP API when Api:Enabled)");
        // Synchronous on purpose: System.CommandLine gives async actions only a short grace period after SIGTERM,
        // while the host's console lifetime must be free to wait for the running batch to become durable.
        command.SetAction(parse => RunAsync(parse).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse)
    {
        var (configuration, paths) = DataHubConfiguration.Build(parse.GetValue(CliContext.Config), parse.GetValue(CliContext.Data));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = paths.Home });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.SetMinimumLevel(parse.GetValue(CliContext.Verbose) ? LogLevel.Debug : LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddConsole(o => { o.FormatterName = MaskingConsoleFormatter.Name; o.LogToStandardErrorThreshold = LogLevel.Trace; });
        builder.Logging.AddConsoleFormatter<MaskingConsoleFormatter, ConsoleFormatterOptions>();

        builder.Services.AddDataHub(configuration, paths);
        builder.Services.AddDataHubScheduler(configuration, paths, daemon: true);
        var options = SchedulerOptions.From(configuration, paths);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);

        var apiEnabled = configuration.GetValue("Api:Enabled", false);
        var extensions = RunHostExtensions.All();
        if (apiEnabled && extensions.All(e => e.Name != "api"))
            throw new InvalidOperationException($"Api:Enabled is true but this build has no API host extension (Api:Urls {configuration["Api:Urls"] ?? "unset"}); run `datahub serve` separately");
        foreach (var extension in extensions.Where(e => e.IsEnabled(configuration))) extension.Configure(builder);

        using var host = builder.Build();
        // A daemon compiles its schemas before its first job (a sync compiles them on first use): a broken schema
        // stops it at start, not at 2 a.m.
        host.Services.GetRequiredService<DataHub.Core.Schemas.SchemaRegistry>().CompileAll();
        var logger = host.Services.GetRequiredService<ILogger<SchedulerOptions>>();
        logger.LogInformation("Scheduler daemon {Node} starting: job store {Store}{Clustered}, catalog {Catalog}",
            options.NodeName, options.Store, options.Clustered ? " (clustered)" : "", configuration["Catalog:Kind"] ?? "sqlite");
        await host.RunAsync();
        logger.LogInformation("Scheduler daemon {Node} stopped", options.NodeName);
        return 0;
    }
}
