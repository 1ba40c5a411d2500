using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Connectors.Manifests;

/// <summary>
/// <c>connectors/&lt;agency&gt;/connector.json</c>: everything DataHub knows about one agency system. A new
/// agency whose system speaks a known source kind is a new manifest, not new code.
/// </summary>
public sealed record ConnectorManifest
{
    public required string Name { get; init; }
    public string? Title { get; init; }
    public required AgencyInfo Agency { get; init; }
    public required SourceSpec Source { get; init; }
    public ScheduleSpec Schedule { get; init; } = new();
    public JsonElement? Resilience { get; init; }

    /// <summary>Either a document-type slug for the whole source, or a field whose value selects one.</summary>
    public required DocumentTypeSelector DocumentType { get; init; }

    /// <summary>Per document-type slug: target name (schema field or envelope name) → source path.</summary>
    public required Dictionary<string, Dictionary<string, FieldRule>> Mappings { get; init; }

    /// <summary>Constant target values (agency code, level, procedure field …) used when a record has none.</summary>
    public Dictionary<string, string> Defaults { get; init; } = [];

    /// <summary>The folder the manifest was read from; relative source paths resolve against the repository root.</summary>
    [JsonIgnore] public string? ManifestPath { get; init; }
}
