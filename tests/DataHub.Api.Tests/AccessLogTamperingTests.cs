using DataHub.Store.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Api.Tests;

/// <summary>
/// A log of six real entries in its own data folder, tampered with directly in SQLite the way a database
/// administrator could, then checked by the real <c>datahub audit verify</c>.
/// </summary>
public sealed class AccessLogTamperingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string Data => Path.Combine(_folder.Path, "data");

    private string LogFile => Path.Combine(Data, "access-log.db");

    private void WriteLog()
    {
        using var provider = DataFolderServices.Build(Data);
        var log = provider.GetRequiredService<AccessLog>();
        var entries = Enumerable.Range(1, 6).Select(i => new AccessLogEntry(DateTimeOffset.UtcNow, "mot-cua-hoi-an", "hồ sơ " + i,
            "GET /v1/citizens/{citizenId}/documents", "04909100123" + i, ["aaaaaaaaaaaaaaaaaaaaaaaaa" + (char)('a' + i)], 200)).ToList();
        // A batch (as the API's group commit writes) and then single appends (as CLI lookups write).
        log.Append(entries[..3]);
        foreach (var e in entries[3..]) log.Append(e);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Untouched_log_verifies()
    {
        WriteLog();
        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("6 entries", verify.Stdout);
    }

    [Theory]
    [InlineData("UPDATE access_log SET client = 'someone-else' WHERE seq = 3", "entry 3 was edited")]
    [InlineData("UPDATE access_log SET doc_ids = '' WHERE seq = 4", "entry 4 was edited")]
    [InlineData("DELETE FROM access_log WHERE seq = 3", "entry 3 is missing")]
    [InlineData("UPDATE access_log SET seq = -2 WHERE seq = 2; UPDATE access_log SET seq = 2 WHERE seq = 3; UPDATE access_log SET seq = 3 WHERE seq = -2",
        "entry 2 holds the entry written as number 3: entries were reordered")]
    [InlineData("DELETE FROM access_log WHERE seq >= 5", "entries 5..6 were deleted")]
    public async Task Tampered_log_fails_verify_naming_the_broken_entry(string tampering, string expected)
    {
        WriteLog();
        Ledger.Query(LogFile, tampering);
        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(expected, verify.Stderr);
    }

    [Fact]
    public async Task Deleting_the_anchor_is_reported()
    {
        WriteLog();
        File.Delete(Path.Combine(Data, "audit", "access-log.anchor"));
        var verify = await Cli.RunAsync(Data, "audit", "verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("anchor file", verify.Stderr);
    }

    public void Dispose() => _folder.Dispose();
}
