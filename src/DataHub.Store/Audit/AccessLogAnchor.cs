using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DataHub.Store.Audit;

/// <summary>
/// The last sequence number and hash of the access log, kept in a file outside the database. A chain
/// alone cannot show that its newest entries were cut off (the shorter chain is still valid); the anchor
/// can, as long as whoever edits the table cannot also rewrite this file. Point <c>Audit:AnchorPath</c>
/// at storage the database administrators cannot write (or that all nodes of a cluster share).
///
/// The anchor is one fixed-width line overwritten in place through a handle kept open: one small write
/// per appended batch (a write-then-rename per batch cost milliseconds here and capped the API's rate).
/// It is updated after the batch commits, so after a crash it can lag by one batch, never lead.
/// </summary>
public sealed class AccessLogAnchor(string path) : IDisposable
{
    private const int Width = 20 + 1 + 64 + 1;
    private readonly Lock _gate = new();
    private SafeFileHandle? _handle;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public (long Sequence, string Hash)? Read()
    {
        if (!File.Exists(Path)) return null;
        return Parse(File.ReadAllText(Path));
    }

    /// <summary>Moves the anchor forward (never back: a slower writer, e.g. a CLI lookup, must not undo a newer anchor).</summary>
    public void Advance(long sequence, string hash)
    {
        lock (_gate)
        {
            if (_handle is null)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                _handle = File.OpenHandle(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            Span<byte> current = stackalloc byte[Width];
            var read = RandomAccess.Read(_handle, current, 0);
            if (Parse(Encoding.ASCII.GetString(current[..read])) is { } existing && existing.Sequence >= sequence) return;
            var line = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence,20} {hash,-64}\n"));
            RandomAccess.Write(_handle, line, 0);
            if (RandomAccess.GetLength(_handle) != Width) RandomAccess.SetLength(_handle, Width);
        }
    }

    private static (long Sequence, string Hash)? Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && parts[1].Length == 64 ? (seq, parts[1]) : null;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}
