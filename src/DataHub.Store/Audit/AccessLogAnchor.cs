using System.Globalization;

namespace DataHub.Store.Audit;

/// <summary>
/// The last sequence number and hash of the access log, kept in a file outside the database. A chain
/// alone cannot show that its newest entries were cut off (the shorter chain is still valid); the anchor
/// can, as long as whoever edits the table cannot also rewrite this file. Point <c>Audit:AnchorPath</c>
/// at storage the database administrators cannot write (or that all nodes of a cluster share).
/// </summary>
public sealed class AccessLogAnchor(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public (long Sequence, string Hash)? Read()
    {
        if (!File.Exists(Path)) return null;
        var parts = File.ReadAllText(Path).Trim().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? (seq, parts[1]) : null;
    }

    /// <summary>Moves the anchor forward (never back: a slower writer must not undo a newer anchor).</summary>
    public void Advance(long sequence, string hash)
    {
        lock (_gate)
        {
            if (Read() is { } current && current.Sequence >= sequence) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temp = Path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{sequence} {hash}\n"));
            File.Move(temp, Path, overwrite: true);
        }
    }
}
