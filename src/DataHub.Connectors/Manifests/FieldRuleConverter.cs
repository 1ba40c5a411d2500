using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Connectors.Manifests;

/// <summary>Reads both shapes of <see cref="FieldRule"/>.</summary>
public sealed class FieldRuleConverter : JsonConverter<FieldRule>
{
    public override FieldRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new FieldRule(reader.GetString()!, null);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var from = root.TryGetProperty("from", out var f) ? f.GetString() : null;
        if (from is null) throw new JsonException("a mapping object needs \"from\"");
        Dictionary<string, string>? map = null;
        if (root.TryGetProperty("map", out var m))
        {
            map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in m.EnumerateObject()) map[DataHub.Core.Text.VietnameseText.Normalize(p.Name)] = p.Value.GetString() ?? "";
        }
        return new FieldRule(from, map);
    }

    public override void Write(Utf8JsonWriter writer, FieldRule value, JsonSerializerOptions options)
    {
        if (value.Map is null) { writer.WriteStringValue(value.From); return; }
        writer.WriteStartObject();
        writer.WriteString("from", value.From);
        writer.WritePropertyName("map");
        JsonSerializer.Serialize(writer, value.Map, options);
        writer.WriteEndObject();
    }
}
