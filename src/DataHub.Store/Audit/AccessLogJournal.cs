using System.Globalization;

namespace DataHub.Store.Audit;

/// <summary>
/// Where an API server writes each access-log entry before the response leaves: a line appended to a
/// file of this process's own (one <c>pwrite</c>, no transaction, no wait for another thread). The server's
/// mover copies the lines into the hash-chained table in large batches within milliseconds
/// (<see cref="AccessLogAppender.MoveFromJournal"/>), and every reader of the log moves what is left first
/// (<see cref="AccessLog.DrainJournals"/>). Entries in a journal survive a crash of the server: the next
/// mover — the restarted server or any CLI audit command — moves them.
///
/// Why: a SQLite transaction costs ~31 µs however few entries it holds, and requests that waited for the
/// writer's group commit paid two thread hand-offs each; the server's CPU per lookup went ~102 → ~91 µs
/// without them (bench/RESULTS.md, tenth session).
///
/// Each journal is <c>&lt;name&gt;.jsonl</c> beside a <c>&lt;name&gt;.lock</c> the writing process holds
/// exclusively for as long as it may append: a journal whose lock is free is closed, and is deleted once
/// every line of it is in the table. Owner-only permissions: the lines hold citizen IDs.
/// </summary>
public sealed class AccessLogJournal : IDisposable
{
    public const string Extension = ".jsonl";
    public const string LockExtension = ".lock";
    /// <summary>The endpoint of the entry that stands in the chain for a journal line that was not an entry.</summary>
    public const string UnreadableLineEndpoint = "(unreadable journal line)";
    /// <summary>A long-running server starts a new journal after this many bytes, so moved ones can be deleted.</summary>
    public const long RotateAfterBytes = 64L << 20;

    private readonly string _directory;
    private readonly long _rotateAfterBytes;
    private readonly Lock _gate = new();
    private static int _opened;
    private Current _current;
    private long _length;
    private bool _disposed;

    /// <summary>The journal being appended to: its path, the lock held for it, the file.</summary>
    private readonly record struct Current(string Path, FileStream Lock, FileStream File)
    {
        public void Close()
        {
            File.Dispose();
            // Released last: a mover that finds the lock free may delete the journal.
            Lock.Dispose();
        }
    }

    public AccessLogJournal(string directory, long rotateAfterBytes = RotateAfterBytes)
    {
        _directory = directory;
        _rotateAfterBytes = rotateAfterBytes;
        Directory.CreateDirectory(directory);
        _current = Open();
    }

    /// <summary>The journal appended to now and the bytes written to it, read together (a rotation changes both).</summary>
    public (string Path, long Length) Tail
    {
        get
        {
            lock (_gate) return (_current.Path, _length);
        }
    }

    /// <summary>Appends the entry; once this returns it survives the process (not a power loss: like SQLite's WAL at synchronous=NORMAL).</summary>
    public void Append(AccessLogEntry entry)
    {
        var line = AccessLogJournalLine.Format(entry);
        lock (_gate)
        {
            if (_disposed) throw new InvalidOperationException("the access log is closed (server shutting down)");
            RandomAccess.Write(_current.File.SafeFileHandle, line, _length);
            _length += line.Length;
            if (_length < _rotateAfterBytes) return;
            // The new journal first: if it cannot be opened, this one stays in use (and is tried again next time).
            Current next;
            try
            {
                next = Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
            _current.Close();
            (_current, _length) = (next, 0);
        }
    }

    /// <summary>True while some process holds the journal's lock (it may still append).</summary>
    public static bool IsOpenElsewhere(string journalPath)
    {
        try
        {
            using var probe = new FileStream(System.IO.Path.ChangeExtension(journalPath, LockExtension), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private Current Open()
    {
        // Names sort in the order journals were opened (movers take them oldest first): time, then a counter
        // for journals one process opens within the same millisecond; never reused (the random tail).
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Environment.ProcessId}-{Interlocked.Increment(ref _opened):D6}-{Guid.NewGuid().ToString("N")[..8]}");
        var path = System.IO.Path.Combine(_directory, name + Extension);
        var lockPath = System.IO.Path.ChangeExtension(path, LockExtension);
        var held = new FileStream(lockPath, Options(FileAccess.ReadWrite, FileShare.None));
        FileStream? file = null;
        try
        {
            file = new FileStream(path, Options(FileAccess.Write, FileShare.ReadWrite | FileShare.Delete));
            // Everything rests on the lock: a journal whose lock looks free is deleted once moved. Where .NET takes
            // no file locks (DOTNET_SYSTEM_IO_DISABLEFILELOCKING, some file systems) entries would vanish silently.
            if (!IsOpenElsewhere(path))
                throw new IOException($"file locks do not work in {_directory}: the access-log journal needs them (is DOTNET_SYSTEM_IO_DISABLEFILELOCKING set?)");
            return new Current(path, held, file);
        }
        catch
        {
            file?.Dispose();
            held.Dispose();
            File.Delete(path);
            File.Delete(lockPath);
            throw;
        }
    }

    private static FileStreamOptions Options(FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Share = share };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _current.Close();
        }
    }
}
