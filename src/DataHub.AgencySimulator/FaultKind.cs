namespace DataHub.AgencySimulator;

/// <summary>The ways the simulator misbehaves, one per request when a fault is drawn.</summary>
public enum FaultKind
{
    ServerError,
    Unavailable,
    TooManyRequests,
    ConnectionReset,
    Hang,
    TruncatedBody,
}
