using DataHub.Connectors.Manifests;
using DataHub.Connectors.Resilience;
using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Rest;

/// <summary>The <c>rest</c> source kind: paged JSON over HTTP(S), through the agency's resilience pipeline.</summary>
public sealed class RestKind(AgencyResilienceRegistry agencies) : ISourceKind
{
    public string Kind => "rest";

    public IRecordSource Create(ConnectorManifest manifest, string baseDirectory)
    {
        var spec = manifest.Source;
        if (string.IsNullOrEmpty(spec.Url) || !Uri.TryCreate(spec.Url, UriKind.Absolute, out _))
            throw new InvalidDataException($"connector {manifest.Name}: rest needs source.url (an absolute http(s) URL)");
        var pipeline = agencies.For(manifest);
        var auth = AuthenticatorFactory.Create(manifest, agencies.Http, pipeline, TimeProvider.System);
        return new RestSource(spec, new AgencyClient(agencies.Http, pipeline, auth, $"{manifest.Agency.Code} ({manifest.Name})"));
    }
}
