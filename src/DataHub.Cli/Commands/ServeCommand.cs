using System.CommandLine;
using DataHub.Api;
using DataHub.Pipeline.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub serve [--urls http://127.0.0.1:5080]</c>: the lookup/report HTTP API on Kestrel.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, ';'-separated", DefaultValueFactory = _ => ApiApplication.DefaultUrls };
        var command = new Command("serve", "Serve the lookup and report HTTP API (API keys: datahub clients add)") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var (configuration, paths) = DataHubConfiguration.Build(parse.GetValue(CliContext.Config), parse.GetValue(CliContext.Data));
            await using var app = ApiApplication.Build(configuration, paths, parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries),
                parse.GetValue(CliContext.Verbose) ? LogLevel.Debug : LogLevel.Information);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
