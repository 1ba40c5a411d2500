namespace DataHub.AgencySimulator;

/// <summary>How the simulated agencies behave. Credentials are the simulator's own demo values.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Loopback only; port 0 picks a free port (tests).</summary>
    public string Url { get; init; } = "http://127.0.0.1:5090";
    /// <summary>The sample exports to serve (as written by <c>datahub samples</c>).</summary>
    public required string SamplesFolder { get; init; }
    public int LatencyMs { get; init; }
    /// <summary>Share (0–1) of agency requests answered with a fault.</summary>
    public double ErrorRate { get; init; }
    public IReadOnlyList<FaultKind> Faults { get; init; } = Enum.GetValues<FaultKind>();
    /// <summary>Agencies that answer every request with 503 (civil-status, land-registry, business-registration).</summary>
    public IReadOnlyCollection<string> Down { get; init; } = [];
    public int RetryAfterSeconds { get; init; } = 1;
    /// <summary>How long a hung request stays open before the connection is dropped.</summary>
    public double HangSeconds { get; init; } = 30;
    public int TokenLifetimeSeconds { get; init; } = 300;
    public int Seed { get; init; } = 4;
    public string ClientId { get; init; } = "datahub";
    public string ClientSecret { get; init; } = "sim-client-secret";
    public string ApiKey { get; init; } = "sim-api-key";
    public string WsseUser { get; init; } = "datahub";
    public string WssePassword { get; init; } = "sim-wsse-password";
}
