namespace DataHub.Store.Audit;

/// <summary>
/// Walks the chain from the first entry and stops at the first break, naming the entry and the kind of
/// tampering its evidence points to. Then compares the chain head with the anchor (a cut-off tail).
/// </summary>
public static class AccessLogVerifier
{
    public static AccessLogVerification Verify(IEnumerable<AccessLogRecord> records, (long Sequence, string Hash)? anchor)
    {
        long expected = 1, checkedCount = 0;
        var previous = AccessLogChain.Genesis;
        string? anchoredHash = null;
        foreach (var r in records)
        {
            if (r.Sequence != expected)
            {
                return r.Sequence > expected
                    ? Broken(checkedCount, expected, $"entry {expected} is missing (the log jumps from entry {expected - 1} to {r.Sequence}): entries were deleted")
                    : Broken(checkedCount, r.Sequence, $"entry {r.Sequence} appears again after entry {expected - 1}: entries were duplicated or reordered");
            }
            if (AccessLogChain.Hash(r.PreviousHash, r.Sequence, r.Entry) != r.Hash)
            {
                return MovedFrom(r) is { } original
                    ? Broken(checkedCount, r.Sequence, $"entry {r.Sequence} holds the entry written as number {original}: entries were reordered")
                    : Broken(checkedCount, r.Sequence, $"entry {r.Sequence} was edited: its content no longer matches its hash");
            }
            if (r.PreviousHash != previous)
                return Broken(checkedCount, r.Sequence, $"entry {r.Sequence} does not follow entry {r.Sequence - 1} (previous-hash link broken): entries were reordered, replaced or deleted");
            if (anchor is { } a && a.Sequence == r.Sequence) anchoredHash = r.Hash;
            previous = r.Hash;
            checkedCount++;
            expected++;
        }
        var last = expected - 1;
        if (anchor is null)
            return last == 0 ? new AccessLogVerification(0, null, null)
                : Broken(checkedCount, null, "the anchor file (last sequence and hash) is missing, so a deleted tail could not be detected");
        var (anchorSeq, anchorHash) = anchor.Value;
        if (last < anchorSeq)
            return Broken(checkedCount, last + 1, $"entries {last + 1}..{anchorSeq} were deleted: the log ends at entry {last} but the anchor records entry {anchorSeq}");
        if (anchoredHash != anchorHash)
            return Broken(checkedCount, anchorSeq, $"entry {anchorSeq} differs from the anchor's hash: the log was rewritten");
        return new AccessLogVerification(checkedCount, null, null);
    }

    /// <summary>An intact entry renumbered into another place still hashes under its original number; look nearby for it.</summary>
    private static long? MovedFrom(AccessLogRecord r)
    {
        for (long delta = 1; delta <= 1000; delta++)
        {
            foreach (var candidate in new[] { r.Sequence - delta, r.Sequence + delta })
            {
                if (candidate >= 1 && AccessLogChain.Hash(r.PreviousHash, candidate, r.Entry) == r.Hash) return candidate;
            }
        }
        return null;
    }

    private static AccessLogVerification Broken(long checkedCount, long? sequence, string problem) => new(checkedCount, sequence, problem);
}
