namespace DataHub.Store.Audit;

/// <summary>Reads complete lines of a journal from a byte offset (a line still being written is left for the next read).</summary>
internal static class AccessLogJournalReader
{
    private const int MaxBytes = 4 << 20;

    /// <summary>
    /// A line that is not an entry (a torn write after a power loss, an edited file) becomes an entry that says
    /// so, in its place: the gap is on the record, and moving goes on.
    /// </summary>
    /// <returns>The entries, how many of them stand for unreadable lines, and the offset just after the last complete line read.</returns>
    /// <param name="closed">The writer is gone: a partial last line will never be completed (a torn write), so it is unreadable.</param>
    /// <param name="writtenTo">How far the writer has written, when the caller is the writer (else: up to the first zero byte of a live journal).</param>
    public static (List<AccessLogEntry> Entries, int Unreadable, long End) Read(string path, long offset, int maxEntries, bool closed, long? writtenTo = null)
    {
        var unreadable = 0;
        var journal = Path.GetFileName(path);
        var entries = new List<AccessLogEntry>();
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = Math.Min(RandomAccess.GetLength(file), writtenTo ?? long.MaxValue);
        var available = length - offset;
        if (available <= 0) return (entries, 0, offset);
        var buffer = new byte[(int)Math.Min(available, MaxBytes)];
        var read = RandomAccess.Read(file, buffer, offset);
        // A killed writer's mapped journal can end in megabytes of zeros: whole reads of them are passed here, so that a
        // move that moves nothing means there is nothing more to move.
        while (closed && read > 0 && buffer.AsSpan(0, read).IndexOfAnyExcept((byte)0) < 0)
        {
            offset += read;
            available = length - offset;
            if (available <= 0) return (entries, 0, offset);
            read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(available, buffer.Length)), offset);
        }
        var span = buffer.AsSpan(0, read);
        // A live journal is mapped at its full size (AccessLogJournal): its lines end where its zeros begin. No line
        // holds a zero byte (JSON escapes it).
        if (!closed && span.IndexOf((byte)0) is var zero and >= 0)
        {
            span = span[..zero];
            read = zero;
        }
        var at = 0;
        while (entries.Count < maxEntries)
        {
            // A journal its killed writer left at its mapped size: zeros after its lines (and, after a power loss,
            // maybe between them, where pages were never written back). Zeros are nothing; a line cut by them is unreadable.
            if (closed)
            {
                var nonZero = span[at..].IndexOfAnyExcept((byte)0);
                at = nonZero < 0 ? read : at + nonZero;
                if (at == read) break;
                var cut = span[at..].IndexOf((byte)0);
                var lineEnd = span[at..].IndexOf((byte)'\n');
                if (cut >= 0 && (lineEnd < 0 || cut < lineEnd))
                {
                    entries.Add(Unreadable(journal, offset + at));
                    unreadable++;
                    at += cut;
                    continue;
                }
            }
            var newline = span[at..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                // A "line" longer than a whole read can never complete: skip it rather than stop moving for good.
                if ((at == 0 && read == MaxBytes) || (closed && read == available && at < read))
                {
                    entries.Add(Unreadable(journal, offset + at));
                    unreadable++;
                    at = read;
                }
                break;
            }
            if (AccessLogJournalLine.TryParse(span.Slice(at, newline), out var entry)) entries.Add(entry);
            else
            {
                entries.Add(Unreadable(journal, offset + at));
                unreadable++;
            }
            at += newline + 1;
        }
        return (entries, unreadable, offset + at);
    }

    private static AccessLogEntry Unreadable(string journal, long offset) =>
        new(DateTimeOffset.UtcNow, "datahub", $"{journal} at byte {offset}", AccessLogJournal.UnreadableLineEndpoint, null, [], 0);
}
