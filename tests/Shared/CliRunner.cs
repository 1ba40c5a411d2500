using System.Diagnostics;

namespace DataHub.Tests.Shared;

/// <summary>Runs the built <c>datahub</c> CLI (.build/cli, built by test.sh) as a real process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        if (!File.Exists(RepoPaths.Cli)) throw new InvalidOperationException($"{RepoPaths.Cli} is missing: run ./test.sh (it builds the CLI before the tests)");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.Cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DATAHUB_HOME"] = RepoPaths.Root;
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    public static Result Run(IEnumerable<string> args, IDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"datahub {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
