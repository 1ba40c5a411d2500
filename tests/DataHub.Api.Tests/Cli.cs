using System.Diagnostics;

namespace DataHub.Api.Tests;

/// <summary>Runs the real <c>datahub</c> CLI (built beside the tests) against a data folder, as an operator would.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(string dataFolder, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "datahub.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(dataFolder);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DATAHUB_HOME"] = RepositoryRoot.Path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
