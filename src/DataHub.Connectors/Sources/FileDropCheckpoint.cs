using System.Text.Json;

namespace DataHub.Connectors.Sources;

/// <summary>
/// Resume state of a file drop: files fully read (by name and fingerprint, so a replaced file is read
/// again) and how far into the current file the last durable batch reached.
/// </summary>
public sealed class FileDropCheckpoint
{
    public Dictionary<string, string> Done { get; set; } = new(StringComparer.Ordinal);
    public string? Current { get; set; }
    public string? CurrentFingerprint { get; set; }
    public long CurrentOrdinal { get; set; }

    public static FileDropCheckpoint Parse(string? text) =>
        string.IsNullOrEmpty(text) ? new() : JsonSerializer.Deserialize<FileDropCheckpoint>(text) ?? new();

    public string Serialize() => JsonSerializer.Serialize(this);
}
