using System.Runtime.CompilerServices;
using DataHub.Connectors.Manifests;

namespace DataHub.Connectors.Sources;

/// <summary>
/// A folder that an agency (or its export job) drops files into. Files are read in name order; each
/// is read once per fingerprint (size + modification time), so a nightly delta reads only the new
/// files, not everything. Only regular files directly in the folder are read: links and sub-folders
/// are ignored, so a hostile name cannot lead outside it.
/// </summary>
public sealed class FileDropSource(string folder, SourceSpec spec, IRecordFileReader reader) : IRecordSource, IPartitionableSource
{
    private Func<string, bool> _include = _ => true;

    private readonly FileDropCheckpoint _state = new();
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"file drop folder {folder} does not exist");
        var saved = FileDropCheckpoint.Parse(checkpoint);
        _state.Done = new Dictionary<string, string>(saved.Done, StringComparer.Ordinal);
        var files = new DirectoryInfo(folder).EnumerateFiles(spec.Pattern, SearchOption.TopDirectoryOnly)
            .Where(f => (f.Attributes & FileAttributes.ReparsePoint) == 0 && _include(f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            var fingerprint = $"{file.Length}:{file.LastWriteTimeUtc.Ticks}";
            _fingerprints[file.Name] = fingerprint;
            if (_state.Done.TryGetValue(file.Name, out var done) && done == fingerprint) continue;
            var skip = saved.Current == file.Name && saved.CurrentFingerprint == fingerprint ? saved.CurrentOrdinal : 0;
            await foreach (var record in reader.ReadAsync(file.FullName, file.Name, ct))
            {
                if (record.Ordinal <= skip) continue;
                yield return record;
            }
            _state.Done[file.Name] = fingerprint;
        }
    }

    public void SelectUnits(Func<string, bool> include) => _include = include;

    public string CheckpointAfter(SourceRecord record)
    {
        _state.Current = record.Unit;
        _state.CurrentFingerprint = _fingerprints[record.Unit];
        _state.CurrentOrdinal = record.Ordinal;
        return _state.Serialize();
    }

    public string? CheckpointAtEnd()
    {
        _state.Current = null;
        _state.CurrentFingerprint = null;
        _state.CurrentOrdinal = 0;
        return _state.Serialize();
    }
}
