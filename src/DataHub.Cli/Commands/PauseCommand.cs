using System.CommandLine;
using DataHub.Pipeline.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub pause CONNECTOR</c>: stop firing a connector's schedule (kept in the job store across restarts).</summary>
internal static class PauseCommand
{
    public static Command Create()
    {
        var connector = new Argument<string>("CONNECTOR") { Description = "Connector name" };
        var command = new Command("pause", "Pause a connector's schedule (a running sync finishes; nothing new fires until resume)") { connector };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = SchedulerServices.Client(parse);
            var name = parse.GetValue(connector)!;
            await services.GetRequiredService<SchedulerClient>().PauseAsync(name, ct);
            Console.Out.WriteLine($"{name}: paused");
            return 0;
        });
        return command;
    }
}
