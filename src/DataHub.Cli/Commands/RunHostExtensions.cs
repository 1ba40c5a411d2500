using DataHub.Pipeline.Scheduling;

namespace DataHub.Cli.Commands;

/// <summary>
/// What <c>datahub run</c> hosts beside the scheduler. The composition root's list: the HTTP API adds its
/// <see cref="IDataHubHostExtension"/> here (enabled by <c>Api:Enabled</c>, bound to <c>Api:Urls</c>).
/// </summary>
internal static class RunHostExtensions
{
    public static IReadOnlyList<IDataHubHostExtension> All() => [new ApiHostExtension()];
}
