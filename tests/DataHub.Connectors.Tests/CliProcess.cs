using System.Diagnostics;
using System.Text;

namespace DataHub.Connectors.Tests;

/// <summary>The real <c>datahub</c> CLI as a child process (the build test.sh puts in .build/cli), against a test workspace.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();

    private CliProcess(Workspace workspace, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.CliDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(workspace.ConfigFile);
        info.Environment["DATAHUB_HOME"] = workspace.Home;
        info.Environment.Remove("DATAHUB_DATA");
        Process = new Process { StartInfo = info };
        Process.OutputDataReceived += (_, e) => { lock (_out) _out.AppendLine(e.Data); };
        Process.ErrorDataReceived += (_, e) => { lock (_err) _err.AppendLine(e.Data); };
        Process.Start();
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public string Output
    {
        get { lock (_out) return _out.ToString(); }
    }

    public string Error
    {
        get { lock (_err) return _err.ToString(); }
    }

    public static CliProcess Start(Workspace workspace, params string[] args) => new(workspace, args);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(Workspace workspace, params string[] args)
    {
        using var process = Start(workspace, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.Process.WaitForExitAsync(timeout.Token);
        process.Process.WaitForExit(); // drains the redirected streams
        return (process.Process.ExitCode, process.Output, process.Error);
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
