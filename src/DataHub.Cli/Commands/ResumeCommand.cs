using System.CommandLine;
using DataHub.Pipeline.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub resume CONNECTOR</c>: fire a paused connector again; a firing missed while paused fires once.</summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var connector = new Argument<string>("CONNECTOR") { Description = "Connector name" };
        var command = new Command("resume", "Resume a paused connector's schedule") { connector };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = SchedulerServices.Client(parse);
            var name = parse.GetValue(connector)!;
            await services.GetRequiredService<SchedulerClient>().ResumeAsync(name, ct);
            Console.Out.WriteLine($"{name}: resumed");
            return 0;
        });
        return command;
    }
}
