using DataHub.Connectors.Manifests;
using Polly;

namespace DataHub.Connectors.Rest;

/// <summary>Builds the authenticator <c>source.auth</c> declares; missing settings are start-up errors in manifest terms.</summary>
public static class AuthenticatorFactory
{
    public static IRequestAuthenticator Create(ConnectorManifest manifest, HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider time)
    {
        var auth = manifest.Source.Auth;
        string Need(string? value, string key) => value is { Length: > 0 } ? value : throw new InvalidDataException($"connector {manifest.Name}: auth.kind {auth.Kind} needs auth.{key}");
        return auth.Kind.ToLowerInvariant() switch
        {
            "none" or "wsse" => NoAuthentication.Instance,
            "apikey" => new ApiKeyAuthentication(auth.Header, Need(AuthSpec.Secret(auth.Key, auth.KeyEnv), "key (or keyEnv)")),
            "oauth2" => new OAuth2ClientCredentials(new AgencyClient(http, pipeline, NoAuthentication.Instance, manifest.Agency.Code),
                Need(auth.TokenUrl, "tokenUrl"), Need(auth.ClientId, "clientId"), Need(AuthSpec.Secret(auth.ClientSecret, auth.ClientSecretEnv), "clientSecret (or clientSecretEnv)"),
                auth.Scope, time),
            var other => throw new InvalidDataException($"connector {manifest.Name}: unknown auth.kind '{other}' (none, apiKey, oauth2, wsse)"),
        };
    }
}
