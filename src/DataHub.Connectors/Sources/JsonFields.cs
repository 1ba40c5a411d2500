using System.Text.Json;

namespace DataHub.Connectors.Sources;

/// <summary>Dotted paths into a JSON object ("nguoiKhaiSinh.hoTen"); numbers and booleans come back as their JSON text.</summary>
public sealed class JsonFields(JsonElement element) : IRecordFields
{
    public string? Get(string path)
    {
        var current = element;
        var rest = path.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            var part = dot < 0 ? rest : rest[..dot];
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
            if (dot < 0) break;
            rest = rest[(dot + 1)..];
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => current.GetRawText(),
        };
    }
}
