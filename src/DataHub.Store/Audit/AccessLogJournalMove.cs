namespace DataHub.Store.Audit;

/// <summary>
/// What one move from a journal did: entries chained (unreadable lines included, as entries that say so), the
/// sequence number of the last of them (0 when none), and the journal offset now moved to.
/// </summary>
public readonly record struct AccessLogJournalMove(int Moved, int Unreadable, long LastSequence, long MovedTo);
