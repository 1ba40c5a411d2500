using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataHub.Api.Endpoints;

/// <summary>Serialization code generated at build time for the responses of the hot endpoints (web defaults: camelCase names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CitizenDocumentsResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
