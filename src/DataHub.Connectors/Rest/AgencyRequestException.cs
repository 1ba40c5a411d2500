namespace DataHub.Connectors.Rest;

/// <summary>
/// A call to an agency that failed for good (after the pipeline's retries, or at once for a refusal):
/// its message is the one line run history and the CLI show.
/// </summary>
public sealed class AgencyRequestException(string message, int? status = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status of the last answer, when there was one (401/403 tell <c>check</c> "not authenticated").</summary>
    public int? Status { get; } = status;
}
