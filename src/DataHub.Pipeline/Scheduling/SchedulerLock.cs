namespace DataHub.Pipeline.Scheduling;

/// <summary>
/// An exclusive OS file lock beside the SQLite job store. SQLite stores cannot be clustered, so two
/// daemons on one data folder would both fire every trigger; the lock makes the second refuse to start,
/// and lets the CLI tell whether a daemon is serving the store.
/// </summary>
public sealed class SchedulerLock : IDisposable
{
    private readonly FileStream _stream;

    private SchedulerLock(FileStream stream) => _stream = stream;

    public static SchedulerLock Acquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true)) writer.Write(Environment.ProcessId);
            stream.Flush();
            return new SchedulerLock(stream);
        }
        catch (IOException)
        {
            throw new InvalidOperationException($"another `datahub run` already serves the SQLite job store (lock {path}); an embedded store takes one daemon — use Scheduler:Store=postgresql to run several nodes");
        }
    }

    public static bool IsHeld(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException) { return true; }
    }

    public void Dispose() => _stream.Dispose();
}
