using DataHub.Connectors.Manifests;

namespace DataHub.Connectors.Sources;

/// <summary>
/// Builds the source a manifest declares. New source kinds register here; agencies using an
/// existing kind need only a manifest.
/// </summary>
public static class SourceFactory
{
    public static IRecordSource Create(ConnectorManifest manifest, string baseDirectory)
    {
        var spec = manifest.Source;
        switch (spec.Kind)
        {
            case "fileDrop":
                var folder = Path.GetFullPath(Path.Combine(baseDirectory, spec.Path ?? throw new InvalidDataException($"connector {manifest.Name}: fileDrop needs source.path")));
                return new FileDropSource(folder, spec, CreateFileReader(manifest));
            default:
                throw new InvalidDataException($"connector {manifest.Name}: unknown source kind '{spec.Kind}'");
        }
    }

    private static IRecordFileReader CreateFileReader(ConnectorManifest manifest)
    {
        var spec = manifest.Source;
        var encoding = TextEncodings.Get(spec.Encoding);
        return spec.Format?.ToLowerInvariant() switch
        {
            "csv" => new CsvRecordReader(spec.Delimiter, encoding),
            "json" => new JsonRecordReader(lines: false),
            "jsonl" => new JsonRecordReader(lines: true),
            "xml" => new XmlRecordReader(spec.RecordElement ?? throw new InvalidDataException($"connector {manifest.Name}: xml needs source.recordElement"),
                spec.Encoding is "utf-8" or "utf8" ? null : encoding),
            _ => throw new InvalidDataException($"connector {manifest.Name}: unknown file format '{spec.Format}' (csv, json, jsonl, xml)"),
        };
    }
}
