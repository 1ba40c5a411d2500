using DataHub.Connectors.Manifests;

namespace DataHub.Connectors.Sources;

/// <summary>A source kind a manifest can name in <c>source.kind</c> (fileDrop, rest, soap, scans …).</summary>
public interface ISourceKind
{
    string Kind { get; }

    IRecordSource Create(ConnectorManifest manifest, string baseDirectory);
}
