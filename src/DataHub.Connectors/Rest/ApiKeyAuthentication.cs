namespace DataHub.Connectors.Rest;

/// <summary>A fixed API key in a header (<c>X-Api-Key</c> by default).</summary>
public sealed class ApiKeyAuthentication(string header, string key) : IRequestAuthenticator
{
    public bool CanRefresh => false;

    public ValueTask PrepareAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public void Apply(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation(header, key);

    public void Invalidate() { }
}
