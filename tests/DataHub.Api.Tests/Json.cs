using System.Text.Json;

namespace DataHub.Api.Tests;

/// <summary>Reads a response body as JSON, keeping the status and media type for assertions.</summary>
public static class Json
{
    public static async Task<(int Status, string? MediaType, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
