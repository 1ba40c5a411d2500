using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Connectors.Manifests;

/// <summary>
/// <c>"documentType": "land-use-right-certificate"</c>, or
/// <c>"documentType": { "field": "MaLoaiKetQua", "map": { "KQ.G15.000031": "birth-certificate" } }</c>
/// for a source that mixes types. A value not in the map is an unknown type and is quarantined.
/// </summary>
[JsonConverter(typeof(DocumentTypeSelectorConverter))]
public sealed record DocumentTypeSelector(string? Fixed, string? Field, IReadOnlyDictionary<string, string> Map);
