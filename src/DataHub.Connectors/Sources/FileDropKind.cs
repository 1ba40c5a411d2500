using DataHub.Connectors.Manifests;

namespace DataHub.Connectors.Sources;

/// <summary>The <c>fileDrop</c> kind: CSV, JSON, JSON Lines or XML files in a folder.</summary>
public sealed class FileDropKind : ISourceKind
{
    public string Kind => "fileDrop";

    public IRecordSource Create(ConnectorManifest manifest, string baseDirectory)
    {
        var spec = manifest.Source;
        var folder = Path.GetFullPath(Path.Combine(baseDirectory, spec.Path ?? throw new InvalidDataException($"connector {manifest.Name}: fileDrop needs source.path")));
        return new FileDropSource(folder, spec, CreateFileReader(manifest));
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
