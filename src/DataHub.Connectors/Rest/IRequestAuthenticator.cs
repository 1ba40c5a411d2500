namespace DataHub.Connectors.Rest;

/// <summary>Puts credentials on requests to one agency; may fetch (and once refresh) a token first.</summary>
public interface IRequestAuthenticator
{
    /// <summary>True when a 401 may be cured by fetching new credentials (a token that expired early).</summary>
    bool CanRefresh { get; }

    ValueTask PrepareAsync(CancellationToken ct);

    void Apply(HttpRequestMessage request);

    void Invalidate();
}
