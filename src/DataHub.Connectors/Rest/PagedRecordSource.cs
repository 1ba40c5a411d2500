using System.Runtime.CompilerServices;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Rest;

/// <summary>
/// The paging and cursor logic every network kind shares: one page in memory at a time, records in
/// (cursor, id) order, resume from the last durable (cursor, id) with "since" inclusive and the
/// overlap dropped here. A record's <see cref="SourceRecord.SourceRef"/> is the agency's record id, so a
/// re-read or a late correction lands on the same ledger row; its <see cref="SourceRecord.Unit"/> carries
/// the checkpoint that resumes right after it.
/// </summary>
public abstract class PagedRecordSource(SourceSpec spec) : IRecordSource
{
    private string? _atEnd;

    protected SourceSpec Spec { get; } = spec;

    protected abstract Task<FetchedPage> FetchAsync(PageRequest request, CancellationToken ct);

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        var last = NetworkCursor.Parse(checkpoint) ?? new NetworkCursor(Spec.Cursor.Start ?? "", null);
        _atEnd = checkpoint;
        var paging = Spec.Paging;
        var byOffset = string.Equals(paging.Mode, "offset", StringComparison.OrdinalIgnoreCase);
        var anchor = last.Since;
        long offset = 0, ordinal = 0, malformedSinceLast = 0;
        string? token = null;
        while (true)
        {
            var page = await FetchAsync(new PageRequest(anchor, token, offset, paging.Limit), ct);
            foreach (var (fields, malformed) in page.Records)
            {
                var cursor = fields.Get(Spec.Cursor.Field);
                var id = fields.Get(Spec.Cursor.IdField);
                ordinal++;
                if (malformed is not null || string.IsNullOrEmpty(cursor) || string.IsNullOrEmpty(id))
                {
                    // Still ledgered (never dropped silently), named after the record before it so a re-read names it alike.
                    var reason = malformed ?? $"record has no {(string.IsNullOrEmpty(id) ? Spec.Cursor.IdField : Spec.Cursor.Field)}";
                    malformedSinceLast++;
                    yield return new SourceRecord($"{last.Since}|{last.Id}+{malformedSinceLast}", last.Serialize(), ordinal, NoFields.Instance, reason);
                    continue;
                }
                if (NetworkCursor.Compare(cursor, id, last.Since, last.Id) <= 0) continue; // delivered before the checkpoint
                last = new NetworkCursor(cursor, id);
                malformedSinceLast = 0;
                _atEnd = last.Serialize();
                yield return new SourceRecord(id, _atEnd, ordinal, fields);
            }
            if (page.Records.Count == 0) yield break;
            if (byOffset)
            {
                if (page.Records.Count < paging.Limit) yield break;
                (anchor, offset) = Reanchor(page, anchor, offset);
            }
            else
            {
                if (string.IsNullOrEmpty(page.NextToken)) yield break;
                token = page.NextToken;
            }
        }
    }

    /// <summary>
    /// Offset paging restarts at the last cursor value seen, skipping only the records that share it,
    /// so a record changed mid-run (moved to the end by its new timestamp) shifts at most that group.
    /// </summary>
    private (string Anchor, long Offset) Reanchor(FetchedPage page, string anchor, long offset)
    {
        var cursors = page.Records.Select(r => r.Fields.Get(Spec.Cursor.Field)).Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList();
        if (cursors.Count == 0) return (anchor, offset + page.Records.Count);
        var lastCursor = cursors[^1];
        var trailing = 0;
        for (var i = cursors.Count - 1; i >= 0 && NetworkCursor.CompareCursor(cursors[i], lastCursor) == 0; i--) trailing++;
        if (NetworkCursor.CompareCursor(lastCursor, anchor) == 0) return (anchor, offset + page.Records.Count);
        return (lastCursor, trailing);
    }

    public string CheckpointAfter(SourceRecord record) => record.Unit;

    public string? CheckpointAtEnd() => _atEnd;
}
