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
        RunCommand.Create(),
        TriggerCommand.Create(),
        PauseCommand.Create(),
        ResumeCommand.Create(),
        StatusCommand.Create(),
        RunsCommand.Create(),
        SamplesCommand.Create(),
        OcrCommand.Create(),
        ReviewCommand.Create(),
        ReindexCommand.Create(),
        BenchCommand.Create(),
        ServeCommand.Create(),
        ClientsCommand.Create(),
        AuditCommand.Create(),
        CheckCommand.Create(),
        AgencySimCommand.Create(),
    ];
}
