using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Connectors.Manifests;

/// <summary>
/// One mapping entry: <c>"target": "source.path"</c>, or <c>"target": { "from": "path", "map": { "Đang hoạt động": "active" } }</c>
/// when the agency's code list differs from the schema's. Map keys are compared after NFC and legacy-encoding
/// repair, so "§ang ho¹t ®éng" from a TCVN3 export matches too.
/// </summary>
[JsonConverter(typeof(FieldRuleConverter))]
public sealed record FieldRule(string From, IReadOnlyDictionary<string, string>? Map);
