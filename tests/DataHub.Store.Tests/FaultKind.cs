namespace DataHub.Store.Tests;

/// <summary>What the fault proxy does to one request.</summary>
public enum FaultKind
{
    /// <summary>Forwarded untouched (possibly after a short delay).</summary>
    None,

    /// <summary>Answered 503 ServerBusy by the proxy; never reaches storage.</summary>
    ServiceUnavailable,

    /// <summary>Connection reset before anything is forwarded.</summary>
    ResetBeforeForward,

    /// <summary>Forwarded and executed by storage, then the connection is reset: the acknowledgment is lost.</summary>
    ResetAfterForward,

    /// <summary>Held open without an answer until the client's attempt times out.</summary>
    Stall,
}
