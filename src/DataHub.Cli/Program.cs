using System.CommandLine;
using DataHub.Cli;
using DataHub.Cli.Bench;
using DataHub.Cli.Commands;

var root = new RootCommand("DataHub — the provincial data-integration and digitization hub (LGSP connector)")
{
    CliContext.Config, CliContext.Data, CliContext.Verbose,
};
foreach (var command in CommandCatalog.All()) root.Subcommands.Add(command);

var parse = root.Parse(args);
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("datahub: stopped");
    return 130;
}
catch (Exception e)
{
    // One clear line; the stack only when asked for.
    Console.Error.WriteLine($"datahub: {DataHub.Core.Identity.PersonalDataMasking.Mask(DataHub.Core.Diagnostics.ErrorLine.Of(e))}");
    if (parse.GetValue(CliContext.Verbose)) Console.Error.WriteLine(e);
    return 2;
}
finally
{
    // For a benchmark that runs this command: the process's peak memory, read after its last allocation.
    PeakMemoryReport.WriteIfAsked();
}
