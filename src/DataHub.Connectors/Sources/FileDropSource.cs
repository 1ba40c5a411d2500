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

    private readonly UnitProgress _progress = new();

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"file drop folder {folder} does not exist");
        _progress.Load(checkpoint);
        var files = new DirectoryInfo(folder).EnumerateFiles(spec.Pattern, SearchOption.TopDirectoryOnly)
            .Where(f => (f.Attributes & FileAttributes.ReparsePoint) == 0 && _include(f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            if (!_progress.NeedsReading(file.Name, UnitProgress.Fingerprint(file))) continue;
            var skip = _progress.AlreadyCommitted(file.Name);
            await foreach (var record in reader.ReadAsync(file.FullName, file.Name, ct))
            {
                if (record.Ordinal <= skip) continue;
                yield return record;
            }
            _progress.MarkDone(file.Name);
        }
    }

    public void SelectUnits(Func<string, bool> include) => _include = include;

    public string CheckpointAfter(SourceRecord record) => _progress.After(record);

    public string? CheckpointAtEnd() => _progress.AtEnd();
}
