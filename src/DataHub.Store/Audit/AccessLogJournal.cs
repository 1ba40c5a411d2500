using System.Globalization;
using System.IO.MemoryMappedFiles;

namespace DataHub.Store.Audit;

/// <summary>
/// Where an API server writes each access-log entry before the response leaves: a line appended to a
/// file of this process's own, no transaction, no wait for another thread. The server's mover copies the lines
/// into the hash-chained table in large batches within milliseconds
/// (<see cref="AccessLogAppender.MoveFromJournal"/>), and every reader of the log moves what is left first
/// (<see cref="AccessLog.DrainJournals"/>). Entries in a journal survive a crash of the server: the next
/// mover — the restarted server or any CLI audit command — moves them.
///
/// Why: a SQLite transaction costs ~31 µs however few entries it holds, and requests that waited for the
/// writer's group commit paid two thread hand-offs each; the server's CPU per lookup went ~102 → ~91 µs
/// without them (bench/RESULTS.md, tenth session).
///
/// The file is mapped into memory and a line is copied into the mapping: once copied it is in the operating
/// system's page cache, exactly as after a <c>pwrite</c> (it survives the process, not a power loss), without the
/// system call, which was ~3 µs of a lookup's ~60 µs of server CPU (bench/RESULTS.md, thirteenth session). So a
/// journal is created at its full size, its blocks reserved up front (a full disk fails the opening, never a
/// write into the mapping), and readers take its content to end at the first zero byte; a journal is cut to the
/// length of its lines when it is closed. A journal left by a killed server keeps its zeros; its readers skip them.
///
/// Each journal is <c>/// Each journal is <c>&lt;name&gt;.jsonl</c> besidelt;name/// Each journal is <c>&lt;name&gt;.jsonl</c> besidegt;.journal</c> beside a <c>&lt;name&gt;.lock</c> the writing process holds
/// exclusively for as long as it may append: a journal whose lock is free is closed, and is deleted once
/// every line of it is in the table. Owner-only permissions: the lines hold citizen IDs.
/// </summary>
public sealed unsafe class AccessLogJournal : IDisposable
{
    /// <summary>A mapped journal's extension. Not <see cref="LegacyExtension"/>: a version before mapped journals would read a
    /// live one's zeros as an unreadable line and record it as moved past lines still to come.</summary>
    public const string Extension = ".journal";
    /// <summary>Journals written with <c>pwrite</c> by earlier versions (no zeros): moved like the others.</summary>
    public const string LegacyExtension = ".jsonl";
    public const string LockExtension = ".lock";
    /// <summary>The endpoint of the entry that stands in the chain for a journal line that was not an entry.</summary>
    public const string UnreadableLineEndpoint = "(unreadable journal line)";
    /// <summary>A long-running server starts a new journal after this many bytes, so moved ones can be deleted.</summary>
    public const long RotateAfterBytes = 64L << 20;
    // Room past the rotation size: a journal that cannot be rotated (the next one failed to open) takes lines a while longer.
    private const long Headroom = 256 << 10;

    private readonly string _directory;
    private readonly long _rotateAfterBytes;
    private readonly Lock _gate = new();
    private static int _opened;
    private Current _current;
    private long _length;
    private bool _disposed;

    /// <summary>The journal being appended to: its path, the lock held for it, the file and its mapping.</summary>
    private sealed class Current(string path, FileStream held, FileStream file, MemoryMappedFile map, MemoryMappedViewAccessor view, long capacity)
    {
        private readonly byte* _start = Acquire(view);

        public string Path => path;

        public long Capacity => capacity;

        private static byte* Acquire(MemoryMappedViewAccessor view)
        {
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return start + view.PointerOffset;
        }

        public void Write(long at, ReadOnlySpan<byte> line)
        {
            var target = new Span<byte>(_start + at, line.Length);
            line[..^1].CopyTo(target);
            // The newline last: a reader in another process that sees it sees the whole line (stores are not
            // reordered on x86, and a volatile write keeps the compiler from moving it).
            Volatile.Write(ref target[^1], line[^1]);
        }

        /// <summary>
        /// Unmaps the journal and cuts it to <paramref name="length"/>, the bytes of its lines; the lock last. Whatever
        /// fails on the way (a flush of the mapping, the cut), the rest is still released: readers skip the zeros of a
        /// journal that was not cut.
        /// </summary>
        public void Close(long length)
        {
            try
            {
                try
                {
                    view.SafeMemoryMappedViewHandle.ReleasePointer();
                    view.Dispose();
                }
                finally
                {
                    map.Dispose();
                }
                file.SetLength(length);
            }
            finally
            {
                file.Dispose();
                // Released last: a mover that finds the lock free may delete the journal.
                held.Dispose();
            }
        }
    }

    public AccessLogJournal(string directory, long rotateAfterBytes = RotateAfterBytes)
    {
        _directory = directory;
        _rotateAfterBytes = rotateAfterBytes;
        Directory.CreateDirectory(directory);
        _current = Open(rotateAfterBytes + Headroom);
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
        (Current Journal, long Length)? finished = null, full = null;
        try
        {
            lock (_gate)
            {
                if (_disposed) throw new InvalidOperationException("the access log is closed (server shutting down)");
                // No room (a journal that could not be rotated, or a line longer than the headroom): a new journal now, or
                // the request fails with nothing revealed.
                if (_length + line.Length > _current.Capacity) full = Rotate(Math.Max(_rotateAfterBytes + Headroom, line.Length));
                _current.Write(_length, line);
                _length += line.Length;
                if (_length < _rotateAfterBytes) return;
                try
                {
                    finished = Rotate(_rotateAfterBytes + Headroom);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // This one stays in use while it has room, and rotating is tried again at the next line.
                }
            }
        }
        finally
        {
            // Closed outside the lock: unmapping flushes 64 MiB, which the requests need not wait for. Until its lock
            // is released the journal counts as open, and movers move what it holds.
            CloseQuietly(full);
            CloseQuietly(finished);
        }
    }

    // The new journal first: if it cannot be opened, the current one stays in use. Returns the one to close.
    private (Current, long) Rotate(long capacity)
    {
        var next = Open(capacity);
        var finished = (_current, _length);
        (_current, _length) = (next, 0);
        return finished;
    }

    // A journal that fails to close keeps its lines (and its zeros, which readers skip); the next reader moves it.
    private static void CloseQuietly((Current Journal, long Length)? finished)
    {
        try
        {
            finished?.Journal.Close(finished.Value.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
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

    private Current Open(long capacity)
    {
        // Names sort in the order journals were opened (movers take them oldest first): time, then a counter
        // for journals one process opens within the same millisecond; never reused (the random tail).
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff}-{Environment.ProcessId}-{Interlocked.Increment(ref _opened):D6}-{Guid.NewGuid().ToString("N")[..8]}");
        var path = System.IO.Path.Combine(_directory, name + Extension);
        var lockPath = System.IO.Path.ChangeExtension(path, LockExtension);
        var held = new FileStream(lockPath, Options(FileAccess.ReadWrite, FileShare.None));
        FileStream? file = null;
        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            // Blocks reserved before the file is mapped: writing into a mapped page the file system cannot back kills
            // the process (SIGBUS), where a write() would have failed. A full disk fails here, before any line. (.NET
            // reserves them with fallocate; on a file system without it — ZFS before 2.2, NFSv3 — the file stays sparse
            // and a full disk can still end the server: keep the journal on ext4/XFS/btrfs, Audit:JournalPath.)
            var options = Options(FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            options.PreallocationSize = capacity;
            file = new FileStream(path, options);
            // Everything rests on the lock: a journal whose lock looks free is deleted once moved. Where .NET takes
            // no file locks (DOTNET_SYSTEM_IO_DISABLEFILELOCKING, some file systems) entries would vanish silently.
            if (!IsOpenElsewhere(path))
                throw new IOException($"file locks do not work in {_directory}: the access-log journal needs them (is DOTNET_SYSTEM_IO_DISABLEFILELOCKING set?)");
            file.SetLength(capacity);
            map = MemoryMappedFile.CreateFromFile(file, null, capacity, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
            view = map.CreateViewAccessor(0, capacity, MemoryMappedFileAccess.ReadWrite);
            return new Current(path, held, file, map, view, capacity);
        }
        catch
        {
            view?.Dispose();
            map?.Dispose();
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
            _current.Close(_length);
        }
    }
}
