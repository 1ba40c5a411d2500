using System.CommandLine;
using DataHub.Pipeline.Reindex;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Cli.Commands;

/// <summary><c>datahub reindex [--dry-run]</c>: rebuild the catalog's document index from the store, the source of truth.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Only report inconsistencies; change nothing" };
        var command = new Command("reindex", "Rebuild the catalog's document index from the document store and report inconsistencies") { dryRun };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var report = await services.GetRequiredService<CatalogRebuilder>().RebuildAsync(parse.GetValue(dryRun), null, ct);
            foreach (var problem in report.Problems) Console.Out.WriteLine(DataHub.Core.Identity.PersonalDataMasking.Mask(problem));
            Console.Out.WriteLine($"{(report.DryRun ? "checked" : "reindexed")} {report.Documents:N0} documents, {report.Versions:N0} versions; {report.Problems.Count} inconsistencies");
            return 0;
        });
        return command;
    }
}
