using System.Data.Common;
using System.Globalization;
using DataHub.Store.Catalog;

namespace DataHub.Store.Audit;

/// <summary>
/// The append-only, hash-chained access log, in the database <see cref="AccessLogDatabase"/> says: the
/// catalog's on PostgreSQL (a cluster), a SQLite file of its own embedded. Appends take the table's write lock, read the chain
/// head and add entries after it in one transaction, so concurrent writers (the API, a CLI lookup,
/// another node) can only ever extend the chain, never fork it. An API server writes its entries to a journal
/// first (<see cref="AccessLogJournal"/>, in <paramref name="journalDirectory"/>) and moves them into the table
/// in batches; whatever reads the log moves what is still in journals before it reads.
/// </summary>
public sealed class AccessLog(AccessLogDatabase database, AccessLogAnchor anchor, string journalDirectory)
{
    /// <summary>Entries moved from a journal per transaction.</summary>
    public const int MoveBatch = 4096;

    /// <summary>Which entries returned which documents or looked up which citizen; filled in behind the appends (see its remarks).</summary>
    public AccessLogIndex Index { get; } = new(database);

    private const string Columns = "seq, logged_at, client, purpose, endpoint, citizen_id, doc_ids, status, prev_hash, hash";

    public AccessLogAnchor Anchor => anchor;

    /// <summary>Appends the entries in order, durably, and returns them as chained.</summary>
    public IReadOnlyList<AccessLogRecord> Append(IReadOnlyList<AccessLogEntry> entries)
    {
        if (entries.Count == 0) return [];
        using var appender = OpenAppender();
        return appender.Append(entries);
    }

    /// <summary>A connection kept open for appending batch after batch (one writer at a time).</summary>
    public AccessLogAppender OpenAppender() => new(database, anchor, Columns);

    /// <summary>A new journal for this process to append to (the API server's; see <see cref="AccessLogJournal"/>).</summary>
    public AccessLogJournal OpenJournal(long rotateAfterBytes = AccessLogJournal.RotateAfterBytes) => new(journalDirectory, rotateAfterBytes);

    /// <summary>
    /// Moves every line still in a journal into the chain, oldest journal first, and deletes journals that are
    /// closed and moved completely. Safe beside a running server and other drainers: each move reads how far
    /// its journal is moved inside the transaction that moves it.
    /// </summary>
    /// <returns>Entries moved, and how many of them stand for unreadable lines.</returns>
    public (long Moved, long Unreadable) DrainJournals()
    {
        if (!Directory.Exists(journalDirectory)) return (0, 0);
        var journals = Directory.GetFiles(journalDirectory, "*" + AccessLogJournal.Extension)
            .Concat(Directory.GetFiles(journalDirectory, "*" + AccessLogJournal.LegacyExtension)).ToArray();
        if (journals.Length == 0) return (0, 0);
        Array.Sort(journals, StringComparer.Ordinal);
        long moved = 0, unreadable = 0;
        using var appender = OpenAppender();
        foreach (var journal in journals)
        {
            // Closed before the last move: a closed journal whose last line is moved is finished.
            var closed = !AccessLogJournal.IsOpenElsewhere(journal);
            try
            {
                AccessLogJournalMove move;
                do
                {
                    move = appender.MoveFromJournal(journal, MoveBatch, closed);
                    moved += move.Moved;
                    unreadable += move.Unreadable;
                }
                while (move.Moved > 0);
                if (closed && move.MovedTo >= new FileInfo(journal).Length) Delete(appender, journal);
            }
            catch (FileNotFoundException)
            {
                // Finished and deleted meanwhile by another drainer.
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's server journal (owner-only): it moves it itself, or the next reader with the rights does.
            }
        }
        // A lock left without its journal by a crash between the two deletions.
        foreach (var stale in Directory.GetFiles(journalDirectory, "*" + AccessLogJournal.LockExtension))
        {
            if (!File.Exists(Path.ChangeExtension(stale, AccessLogJournal.Extension)) && !File.Exists(Path.ChangeExtension(stale, AccessLogJournal.LegacyExtension))
                && !AccessLogJournal.IsOpenElsewhere(stale)) File.Delete(stale);
        }
        return (moved, unreadable);
    }

    private static void Delete(AccessLogAppender appender, string journal)
    {
        File.Delete(journal);
        File.Delete(Path.ChangeExtension(journal, AccessLogJournal.LockExtension));
        // Journal names are never reused, so a crash before this leaves only a harmless row.
        appender.ForgetJournal(journal);
    }

    /// <summary>Appends the entries in order, durably, and returns them as chained.</summary>
    public AccessLogRecord Append(AccessLogEntry entry) => Append([entry])[0];

    /// <summary>The sequence number of the newest entry (0 for an empty log).</summary>
    public long LastSequence()
    {
        DrainJournals();
        using var connection = database.Log.Open();
        using var command = SqlCatalog.Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM access_log");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every entry in sequence order, streamed (the log can be large).</summary>
    public IEnumerable<AccessLogRecord> ReadAll()
    {
        // Now, not at the first MoveNext: a caller reads the anchor in between, and moving advances it.
        DrainJournals();
        return ReadChain();
    }

    private IEnumerable<AccessLogRecord> ReadChain()
    {
        using var connection = database.Log.Open();
        using var command = SqlCatalog.Command(connection, null, $"SELECT {Columns} FROM access_log ORDER BY seq");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return ReadRecord(reader);
    }

    /// <summary>
    /// Who looked at this citizen's documents: lookups by the citizen's ID, and reads of any document
    /// the citizen is a subject of (found through the catalog's subjects, both levels).
    /// </summary>
    public IReadOnlyList<AccessLogRecord> ForCitizen(string citizenId)
    {
        CatchUp();
        var log = database.Prefix;
        using var connection = database.OpenWithCatalog();
        using var command = SqlCatalog.Command(connection, null,
            $"WITH RECURSIVE {AccessLogIndex.SegmentsSql(log)} " +
            $"SELECT {Columns} FROM {log}access_log WHERE seq IN (" +
            $"SELECT c.seq FROM segments g CROSS JOIN {log}access_log_citizens c WHERE c.segment = g.s AND c.citizen_id = @ci " +
            $"UNION SELECT d.seq FROM all_subjects s CROSS JOIN segments g CROSS JOIN {log}access_log_documents d " +
            "WHERE s.citizen_id = @ci AND d.segment = g.s AND d.doc_id = s.doc_id) ORDER BY seq", ("@ci", citizenId));
        using var reader = command.ExecuteReader();
        var records = new List<AccessLogRecord>();
        while (reader.Read()) records.Add(ReadRecord(reader));
        return records;
    }

    /// <summary>Moves what journals hold and indexes every entry; readers of the derived indexes call this first.</summary>
    public void CatchUp()
    {
        DrainJournals();
        Index.CatchUp();
    }

    private static AccessLogRecord ReadRecord(DbDataReader r)
    {
        var docs = r.GetString(6);
        var entry = new AccessLogEntry(DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
            docs.Length == 0 ? [] : docs.Split(','), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture));
        return new AccessLogRecord(r.GetInt64(0), entry, r.GetString(8), r.GetString(9));
    }
}
