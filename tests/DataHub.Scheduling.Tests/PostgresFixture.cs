using System.Diagnostics;
using Npgsql;

namespace DataHub.Scheduling.Tests;

/// <summary>
/// One real PostgreSQL 15 for the whole test run: scripts/postgres.sh on a temporary folder and a free
/// loopback port, stopped afterwards. If it cannot start, every test that needs it fails with the reason.
/// </summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("datahub-pg-").FullName;
    private int _databases;

    public PostgresFixture()
    {
        var (code, output) = Script("start", _dir);
        if (code != 0) throw new InvalidOperationException($"PostgreSQL did not start (scripts/postgres.sh start exited {code}): {output}");
        ConnectionString = output.Trim().Split('\n')[^1];
    }

    public string ConnectionString { get; }

    /// <summary>A fresh database per test, so scenarios never see each other's schedules or runs.</summary>
    public string CreateDatabase()
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public void Dispose()
    {
        Script("stop", _dir);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static (int Code, string Output) Script(string verb, string dir)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "postgres.sh"));
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(dir);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(true); return (-1, "timed out after 120 s"); }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
