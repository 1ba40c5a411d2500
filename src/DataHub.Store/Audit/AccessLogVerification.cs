namespace DataHub.Store.Audit;

/// <summary>The outcome of checking the chain: how many entries were checked and the first break, if any.</summary>
public sealed record AccessLogVerification(long EntriesChecked, long? BrokenSequence, string? Problem)
{
    public bool IsIntact => Problem is null;
}
