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
    var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
    Console.Error.WriteLine($"datahub: {DataHub.Core.Identity.PersonalDataMasking.Mask(inner.Message.ReplaceLineEndings(" "))}");
    if (parse.GetValue(CliContext.Verbose)) Console.Error.WriteLine(inner);
    return 2;
}
finally
{
    // For a benchmark that runs this command: the process's peak memory, read after its last allocation.
    PeakMemoryReport.WriteIfAsked();
}
