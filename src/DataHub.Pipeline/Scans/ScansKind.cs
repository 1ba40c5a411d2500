using DataHub.Connectors.Manifests;
using DataHub.Connectors.Sources;
using DataHub.Ocr;
using DataHub.Ocr.Extraction;
using Microsoft.Extensions.DependencyInjection;

namespace DataHub.Pipeline.Scans;

/// <summary>
/// The <c>scans</c> source kind. The OCR engine pool is created only when a scans connector runs
/// (engines cost ~70 ms each to start) and then shared by every run of the process.
/// </summary>
public sealed class ScansKind(IServiceProvider services) : ISourceKind
{
    public string Kind => "scans";

    public IRecordSource Create(ConnectorManifest manifest, string baseDirectory)
    {
        var spec = manifest.Source;
        var root = Path.GetFullPath(Path.Combine(baseDirectory, spec.Path ?? throw new InvalidDataException($"connector {manifest.Name}: scans needs source.path")));
        var indexPath = spec.Index is null ? null : Path.GetFullPath(Path.Combine(root, spec.Index));
        if (indexPath is not null && !indexPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidDataException($"connector {manifest.Name}: source.index must be inside the archive folder");
        var engine = services.GetRequiredService<OcrEngine>();
        return new ScanArchiveSource(root, ScanIndex.Load(indexPath), engine, services.GetRequiredService<FieldExtractor>(), engine.Options.PoolSize * 2);
    }
}
