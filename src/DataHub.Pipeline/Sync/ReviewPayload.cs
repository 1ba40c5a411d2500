using System.Text.Json;
using DataHub.Core.Documents;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// What a review item keeps of the record so a clerk's decision can re-run normalization: the mapped raw
/// values, the type, how it was digitized and the machine's confidences.
/// </summary>
public sealed record ReviewPayload(string? DocumentType, string? RawType, Dictionary<string, string?> Values, string Method, Dictionary<string, double>? Confidences)
{
    public static string Serialize(SettledResult result) => JsonSerializer.Serialize(new ReviewPayload(
        result.Type?.Slug, result.RawType, new Dictionary<string, string?>(result.Values), StoredVersionFile.MethodName(result.Method),
        result.Confidences is null ? null : new Dictionary<string, double>(result.Confidences)));

    public static ReviewPayload? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<ReviewPayload>(json);
}
