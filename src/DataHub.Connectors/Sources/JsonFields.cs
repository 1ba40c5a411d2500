using System.Text.Json;

namespace DataHub.Connectors.Sources;

/// <summary>Dotted paths into a JSON object ("nguoiKhaiSinh.hoTen"); numbers and booleans come back as their JSON text.</summary>
public sealed class JsonFields(JsonElement element) : IRecordFields
{
    public string? Get(string path)
    {
        var current = element;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => current.GetRawText(),
        };
    }
}
