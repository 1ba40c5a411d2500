using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Connectors.Manifests;

/// <summary>Reads both shapes of <see cref="DocumentTypeSelector"/>.</summary>
public sealed class DocumentTypeSelectorConverter : JsonConverter<DocumentTypeSelector>
{
    public override DocumentTypeSelector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new DocumentTypeSelector(reader.GetString(), null, new Dictionary<string, string>());
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var field = root.TryGetProperty("field", out var f) ? f.GetString() : null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("map", out var m))
        {
            foreach (var p in m.EnumerateObject()) map[p.Name] = p.Value.GetString() ?? "";
        }
        if (field is null) throw new JsonException("documentType object needs a \"field\"");
        return new DocumentTypeSelector(null, field, map);
    }

    public override void Write(Utf8JsonWriter writer, DocumentTypeSelector value, JsonSerializerOptions options)
    {
        if (value.Fixed is not null) { writer.WriteStringValue(value.Fixed); return; }
        writer.WriteStartObject();
        writer.WriteString("field", value.Field);
        writer.WritePropertyName("map");
        JsonSerializer.Serialize(writer, value.Map, options);
        writer.WriteEndObject();
    }
}
