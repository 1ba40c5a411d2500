using System.CommandLine;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub bench …</c>: benchmarks, each side by side with its baseline in one run.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks (results go to bench/RESULTS.md)") { BenchSyncCommand.Create(), BenchConnectorsCommand.Create() };
}
