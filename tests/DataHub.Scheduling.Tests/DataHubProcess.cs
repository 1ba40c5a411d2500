using System.Diagnostics;
using System.Text;

namespace DataHub.Scheduling.Tests;

/// <summary>A real <c>datahub</c> process (the CLI build), with its output kept for diagnostics.</summary>
public sealed class DataHubProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DataHubProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public string Name { get; private init; } = "";
    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static DataHubProcess Start(string name, string configFile, IDictionary<string, string>? environment, params string[] args)
    {
        var info = Info(configFile, environment, args);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var p = new DataHubProcess(process) { Name = name };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (p._output) p._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (p._output) p._output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return p;
    }

    public static async Task<CliResult> RunAsync(string configFile, IDictionary<string, string>? environment, params string[] args)
    {
        using var process = new Process { StartInfo = Info(configFile, environment, args) };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo Info(string configFile, IDictionary<string, string>? environment, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.Cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(configFile);
        info.Environment["DATAHUB_HOME"] = RepoPaths.Root;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // Keep the test host's own DATAHUB__ overrides out of the processes under test.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("DATAHUB__", StringComparison.Ordinal) || k == "DATAHUB_DATA").ToList()) info.Environment.Remove(key);
        if (environment is not null) foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    /// <summary>SIGTERM, as a service manager stops the daemon, then waits for the graceful exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>kill -9: the node dies without any chance to clean up.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) { try { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } catch (InvalidOperationException) { } }
        _process.Dispose();
    }
}
