using System.CommandLine;
using System.Globalization;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Mapping;
using DataHub.Connectors.Rest;
using DataHub.Connectors.Sources;
using DataHub.Core.Normalization;
using DataHub.Pipeline.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary>
/// <c>datahub check [--connector NAME]...</c>: like a data-integration tool's connector check — for each
/// connector: can its source be reached (folder / endpoint), does it accept our credentials, and does a
/// first page map to the schema (how many of its first records would publish). Reads from the start,
/// writes nothing, leaves checkpoints alone.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var connectors = new Option<string[]>("--connector", "-c") { Description = "Check only these connectors (default: all)" };
        var sample = new Option<int>("--records") { Description = "Records of the first page to map and normalize", DefaultValueFactory = _ => 20 };
        var command = new Command("check", "Check each connector: source reachable, authenticated, first records map to the schema") { connectors, sample };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var selected = SyncCommand.Select(services.GetRequiredService<IReadOnlyList<ConnectorManifest>>(), parse.GetValue(connectors));
            var factory = services.GetRequiredService<SourceFactory>();
            var normalizer = services.GetRequiredService<ResultNormalizer>();
            var home = services.GetRequiredService<DataHubPaths>().Home;
            var rows = new List<string[]>();
            var failed = 0;
            // The schemas first: a sync compiles them only when a record needs them, so a broken one would otherwise
            // pass this check and fail a nightly run.
            var schemas = services.GetRequiredService<DataHub.Core.Schemas.SchemaRegistry>();
            try
            {
                schemas.CompileAll();
                rows.Add(["schemas", "json-schema", "ok", string.Create(CultureInfo.InvariantCulture, $"{schemas.All.Count} document types compile")]);
            }
            catch (InvalidDataException e)
            {
                failed++;
                rows.Add(["schemas", "json-schema", "FAILED", e.Message]);
            }
            foreach (var manifest in selected)
            {
                var (ok, detail) = await CheckAsync(manifest, factory, normalizer, home, Math.Max(1, parse.GetValue(sample)), ct);
                if (!ok) failed++;
                rows.Add([manifest.Name, manifest.Source.Kind, ok ? "ok" : "FAILED", detail]);
            }
            DataHub.Pipeline.Reporting.TextTable.Write(Console.Out, ["connector", "kind", "status", "detail"], rows, rightAlignFrom: 4);
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<(bool Ok, string Detail)> CheckAsync(ConnectorManifest manifest, SourceFactory factory, ResultNormalizer normalizer, string home, int sample, CancellationToken ct)
    {
        var steps = new List<string>();
        IRecordSource source;
        try
        {
            source = factory.Create(manifest, home);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            return (false, "manifest: " + e.Message);
        }
        if (manifest.Source.Kind == "fileDrop" && manifest.Source.Path is { } folder)
        {
            var full = Path.GetFullPath(Path.Combine(home, folder));
            if (!Directory.Exists(full)) return (false, $"folder {full} does not exist");
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"folder ok, {Directory.EnumerateFiles(full, manifest.Source.Pattern).Count()} file(s)"));
        }
        var mapper = new RecordMapper(manifest);
        int read = 0, publishable = 0;
        string? firstProblem = null;
        try
        {
            await foreach (var record in source.ReadAsync(null, ct))
            {
                read++;
                var outcome = normalizer.Normalize(mapper.Map(record));
                if (outcome.Rejection is null) publishable++;
                else firstProblem ??= $"{record.SourceRef}: {outcome.Reason}";
                if (read >= sample) break;
            }
        }
        catch (AgencyRequestException e)
        {
            var stage = e.Status is 401 or 403 || e.InnerException is DataHub.Connectors.Soap.SoapFaultException ? "not authenticated / refused" : "not reachable";
            return (false, $"{stage}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or InvalidDataException)
        {
            return (false, $"not readable: {e.Message}");
        }
        if (manifest.Source.Kind != "fileDrop") steps.Add("reachable, authenticated");
        if (read == 0) steps.Add("no records yet");
        else steps.Add(string.Create(CultureInfo.InvariantCulture, $"{publishable} of the first {read} records would publish") + (firstProblem is null ? "" : $" (first problem: {firstProblem})"));
        // Some bad records are normal; none publishable means the mapping does not fit the source.
        return (read == 0 || publishable > 0, string.Join("; ", steps));
    }
}
