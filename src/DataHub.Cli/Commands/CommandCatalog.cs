using System.CommandLine;

namespace DataHub.Cli.Commands;

/// <summary>Every top-level command of <c>datahub</c>, in the order help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        SyncCommand.Create(),
        LookupCommand.Create(),
        ReportCommand.Create(),
        RunsCommand.Create(),
        SamplesCommand.Create(),
        BenchCommand.Create(),
        CheckCommand.Create(),
        AgencySimCommand.Create(),
    ];
}
