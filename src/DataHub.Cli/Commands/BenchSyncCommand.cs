using System.CommandLine;

namespace DataHub.Cli.Commands;

internal static class BenchSyncCommand
{
    public static Command Create() => new("sync", "Sync benchmark (see bench/README.md)");
}
