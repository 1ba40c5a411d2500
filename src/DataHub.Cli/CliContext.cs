using System.CommandLine;
using DataHub.Pipeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DataHub.Cli;

/// <summary>The options every command shares, and the services built from them on first use.</summary>
internal static class CliContext
{
    public static readonly Option<string?> Config = new("--config") { Description = "Configuration file (default: datahub.json in the DataHub folder, if present)", Recursive = true };
    public static readonly Option<string?> Data = new("--data") { Description = "Data folder (default ./data, or DATAHUB_DATA)", Recursive = true };
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Log progress details and print stack traces on errors", Recursive = true };

    public static ServiceProvider Services(ParseResult parse, LogLevel defaultLevel = LogLevel.Warning)
    {
        var (configuration, paths) = DataHubConfiguration.Build(parse.GetValue(Config), parse.GetValue(Data));
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(parse.GetValue(Verbose) ? LogLevel.Debug : defaultLevel);
            logging.AddFilter("Microsoft", LogLevel.Warning);
            logging.AddConsole(o =>
            {
                o.FormatterName = MaskingConsoleFormatter.Name;
                o.LogToStandardErrorThreshold = LogLevel.Trace; // stdout is for results only
            });
            logging.AddConsoleFormatter<MaskingConsoleFormatter, ConsoleFormatterOptions>();
        });
        services.AddDataHub(configuration, paths);
        return services.BuildServiceProvider();
    }
}
