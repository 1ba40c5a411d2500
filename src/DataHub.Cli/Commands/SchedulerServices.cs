using System.CommandLine;
using DataHub.Pipeline.Hosting;
using DataHub.Pipeline.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DataHub.Cli.Commands;

/// <summary>Services of the commands that talk to the job store as a client (trigger, pause, resume, status).</summary>
internal static class SchedulerServices
{
    public static ServiceProvider Client(ParseResult parse)
    {
        var (configuration, paths) = DataHubConfiguration.Build(parse.GetValue(CliContext.Config), parse.GetValue(CliContext.Data));
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(parse.GetValue(CliContext.Verbose) ? LogLevel.Debug : LogLevel.Warning);
            logging.AddFilter("Microsoft", LogLevel.Warning);
            // Quartz explains at Information what a short-lived client does not need to hear.
            logging.AddFilter("Quartz", parse.GetValue(CliContext.Verbose) ? LogLevel.Information : LogLevel.Error);
            logging.AddConsole(o =>
            {
                o.FormatterName = MaskingConsoleFormatter.Name;
                o.LogToStandardErrorThreshold = LogLevel.Trace;
            });
            logging.AddConsoleFormatter<MaskingConsoleFormatter, ConsoleFormatterOptions>();
        });
        services.AddDataHub(configuration, paths);
        services.AddDataHubScheduler(configuration, paths, daemon: false);
        return services.BuildServiceProvider();
    }

    /// <summary>Whether a daemon serves this job store; commands that only store a trigger say so when none does.</summary>
    public static async Task<bool> DaemonRunningAsync(ServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<SchedulerHealth>().CheckAsync(ct)).DaemonRunning;
}
