namespace DataHub.Connectors.Rest;

/// <summary>An agency endpoint open to the hub's network (or one whose credentials travel in the body, like WS-Security).</summary>
public sealed class NoAuthentication : IRequestAuthenticator
{
    public static readonly NoAuthentication Instance = new();

    public bool CanRefresh => false;

    public ValueTask PrepareAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public void Apply(HttpRequestMessage request) { }

    public void Invalidate() { }
}
