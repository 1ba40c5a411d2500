using DataHub.Store.Audit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DataHub.Api.Tests;

/// <summary>
/// A real <c>datahub serve</c> process killed with SIGKILL right after answering lookups: every answered
/// lookup is in the access log afterwards, once, because each entry was in the server's journal before its
/// response left, and the next reader of the log (here the CLI) moves what the server had not.
/// </summary>
public sealed class AccessLogCrashTests : IDisposable
{
    private const string Citizen = "049091001230";
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    [Fact]
    public async Task Every_lookup_answered_before_a_kill_is_in_the_log_exactly_once()
    {
        var added = await Cli.RunAsync(Data, "clients", "add", "desk-crash", "--types", "birth-certificate", "--rate", "100000");
        Assert.True(added.ExitCode == 0, added.Stderr);
        var key = added.Stdout.Trim();
        var port = FreePort();

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "datahub.dll"), "--data", Data, "serve", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        start.Environment["DATAHUB_HOME"] = RepositoryRoot.Path;
        using var server = Process.Start(start)!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        http.DefaultRequestHeaders.Add("X-Purpose", "crash-test");
        await WaitUntilServing(http, server);

        const int lookups = 300;
        var answered = 0;
        for (var i = 0; i < lookups; i++)
        {
            using var response = await http.GetAsync($"/v1/citizens/{Citizen}/documents?validOn=any");
            if (response.StatusCode == HttpStatusCode.OK) answered++;
        }
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        Assert.Equal(lookups, answered);
        // Killed, not stopped: its journal is still there for the next reader.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Data, "audit", "journal"), "*" + AccessLogJournal.Extension));

        var who = await Cli.RunAsync(Data, "audit", "citizen", Citizen);
        Assert.True(who.ExitCode == 0, who.Stderr);
        Assert.Equal(lookups, who.Stdout.Split('\n').Count(l => l.Contains("desk-crash", StringComparison.Ordinal)));
        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains($"{lookups} entries", verify.Stdout);
        Assert.Empty(Directory.GetFiles(Path.Combine(Data, "audit", "journal")));
    }

    private static async Task WaitUntilServing(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, "datahub serve exited");
            try
            {
                using var response = await http.GetAsync("/v1/ping");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("datahub serve did not answer within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _folder.Dispose();
}
