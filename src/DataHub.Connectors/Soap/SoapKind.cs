using DataHub.Connectors.Manifests;
using DataHub.Connectors.Resilience;
using DataHub.Connectors.Rest;
using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Soap;

/// <summary>The <c>soap</c> source kind: an XML envelope per page, WS-Security when declared, through the agency's pipeline.</summary>
public sealed class SoapKind(AgencyResilienceRegistry agencies) : ISourceKind
{
    public string Kind => "soap";

    public IRecordSource Create(ConnectorManifest manifest, string baseDirectory)
    {
        var spec = manifest.Source;
        var name = manifest.Name;
        if (string.IsNullOrEmpty(spec.Url) || !Uri.TryCreate(spec.Url, UriKind.Absolute, out _)) throw new InvalidDataException($"connector {name}: soap needs source.url (the service endpoint)");
        if (string.IsNullOrEmpty(spec.RecordElement)) throw new InvalidDataException($"connector {name}: soap needs source.recordElement (the element of one record)");
        var soap = spec.Soap ?? throw new InvalidDataException($"connector {name}: soap needs a source.soap section (action, envelope)");
        var template = soap.Envelope ?? (soap.EnvelopeFile is { } file
            ? File.ReadAllText(Path.Combine(Path.GetDirectoryName(manifest.ManifestPath) ?? baseDirectory, file))
            : throw new InvalidDataException($"connector {name}: source.soap needs envelope or envelopeFile"));
        var auth = spec.Auth;
        Func<string> security = () => "";
        if (string.Equals(auth.Kind, "wsse", StringComparison.OrdinalIgnoreCase))
        {
            var user = auth.Username ?? throw new InvalidDataException($"connector {name}: auth.kind wsse needs auth.username");
            var password = AuthSpec.Secret(auth.Password, auth.PasswordEnv) ?? throw new InvalidDataException($"connector {name}: auth.kind wsse needs auth.password (or passwordEnv)");
            var digest = string.Equals(auth.PasswordType, "digest", StringComparison.OrdinalIgnoreCase);
            security = () => WsSecurityHeader.Build(user, password, digest, DateTimeOffset.UtcNow);
        }
        var pipeline = agencies.For(manifest);
        var authenticator = AuthenticatorFactory.Create(manifest, agencies.Http, pipeline, TimeProvider.System);
        return new SoapSource(spec, template, new AgencyClient(agencies.Http, pipeline, authenticator, $"{manifest.Agency.Code} ({name})"), security);
    }
}
