using DataHub.Connectors.Manifests;

namespace DataHub.Connectors.Sources;

/// <summary>
/// Builds the source a manifest declares from the registered kinds. Agencies using an existing kind
/// need only a manifest; a new kind is one <see cref="ISourceKind"/> registered here.
/// </summary>
public sealed class SourceFactory(IEnumerable<ISourceKind> kinds)
{
    private readonly Dictionary<string, ISourceKind> _kinds = kinds.ToDictionary(k => k.Kind, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Kinds => _kinds.Keys;

    public IRecordSource Create(ConnectorManifest manifest, string baseDirectory) =>
        _kinds.TryGetValue(manifest.Source.Kind, out var kind)
            ? kind.Create(manifest, baseDirectory)
            : throw new InvalidDataException($"connector {manifest.Name}: unknown source kind '{manifest.Source.Kind}' (known: {string.Join(", ", _kinds.Keys)})");
}
