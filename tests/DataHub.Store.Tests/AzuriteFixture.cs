using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DataHub.Store.AzureBlob;

namespace DataHub.Store.Tests;

/// <summary>
/// One Azurite for the whole test run: started by scripts/azurite.sh on a free loopback port with a
/// temporary location, or the one named by DATAHUB_TEST_AZURITE (a connection string). When it cannot
/// be started every test of the collection fails with the reason; these tests are never skipped.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "DATAHUB_TEST_AZURITE";

    private string? _location;

    public string ConnectionString { get; private set; } = "";

    public BlobConnectionString Connection => BlobConnectionString.Parse(ConnectionString);

    /// <summary>Short backoffs: Azurite is local, and the suite should stay fast.</summary>
    public static BlobRestClientOptions FastOptions { get; } = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        MaxRetryAfter = TimeSpan.FromSeconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(20),
    };

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            using var client = CreateClient();
            try
            {
                await client.ListBlobsAsync("datahub-probe", maxResults: 1);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{EnvironmentVariable} is set but that Azurite does not answer: {e.Message}", e);
            }
            return;
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "azurite.sh");
        _location = Path.Combine(Path.GetTempPath(), "datahub-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, stdout, stderr) = await RunScriptAsync(script, "start", _location, FreeLoopbackPort());
        var connection = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (exit != 0 || connection is null)
        {
            await DisposeAsync();
            throw new InvalidOperationException(
                $"Azurite could not be started by {script} (exit {exit}): {stderr.Trim()}. Install Node.js and npm, " +
                $"or start Azurite yourself and set {EnvironmentVariable} to its connection string.");
        }
        ConnectionString = connection;
    }

    public async Task DisposeAsync()
    {
        if (_location is null) return;
        await RunScriptAsync(Path.Combine(RepositoryRoot(), "scripts", "azurite.sh"), "stop", _location, 0);
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test outcome is what matters.
        }
    }

    public BlobRestClient CreateClient(BlobRestClientOptions? options = null, HttpMessageHandler? handler = null) =>
        new(Connection, options ?? FastOptions, handler);

    /// <summary>A fresh container per test keeps tests independent inside one Azurite.</summary>
    public static string NewContainerName(string purpose) => $"{purpose}-{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)];

    private static async Task<(int Exit, string Stdout, string Stderr)> RunScriptAsync(string script, string verb, string location, int port)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, verb, location }) start.ArgumentList.Add(arg);
        if (port > 0) start.Environment["AZURITE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Bounded: a first run installs Azurite with npm.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "", $"scripts/azurite.sh {verb} did not finish within 5 minutes");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataHub.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"cannot find the repository root (DataHub.sln) above {AppContext.BaseDirectory}");
    }
}
