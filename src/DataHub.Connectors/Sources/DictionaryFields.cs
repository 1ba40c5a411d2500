namespace DataHub.Connectors.Sources;

/// <summary>Fields a source has already extracted by name (e.g. OCR templates).</summary>
public sealed class DictionaryFields(IReadOnlyDictionary<string, string?> values) : IRecordFields
{
    public string? Get(string path) => values.TryGetValue(path, out var v) ? v : null;
}
