namespace DataHub.Connectors.Rest;

/// <summary>
/// <c>source.auth</c>. <c>kind</c>: none | apiKey (a header) | oauth2 (client credentials, token cached
/// and fetched again once on a 401) | wsse (SOAP WS-Security UsernameToken). Secrets should come from
/// the environment (<c>keyEnv</c>, <c>clientSecretEnv</c>, <c>passwordEnv</c>) rather than the manifest.
/// </summary>
// A misspelt key is an error at start-up, not a setting silently left at its default.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record AuthSpec
{
    public string Kind { get; init; } = "none";
    public string Header { get; init; } = "X-Api-Key";
    public string? Key { get; init; }
    public string? KeyEnv { get; init; }
    public string? TokenUrl { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public string? ClientSecretEnv { get; init; }
    public string? Scope { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? PasswordEnv { get; init; }
    /// <summary>wsse: "text" (PasswordText) or "digest" (PasswordDigest with nonce and timestamp).</summary>
    public string PasswordType { get; init; } = "text";

    /// <summary>The environment variable wins, so a manifest can carry a demo value and production its own.</summary>
    public static string? Secret(string? value, string? environmentVariable) =>
        environmentVariable is { Length: > 0 } && Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnv ? fromEnv : value;
}
