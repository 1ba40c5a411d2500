using DataHub.Core.Documents;
using DataHub.Core.Ledger;
using DataHub.Core.Normalization;
using DataHub.Pipeline.Scans;
using DataHub.Store.Catalog;
using DataHub.Store.Documents;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// Makes normalized batches durable: decides published / unchanged / new version against the catalog,
/// writes the versions to the store, flushes the store, then commits ledger, catalog rows and the
/// checkpoint in one transaction. A crash anywhere before that commit leaves the checkpoint where it
/// was, and the re-run writes the same bytes again (a no-op) — at-least-once pull, idempotent publish.
/// <para>
/// The flush and commit of one batch run in the background while the next batch's versions are written
/// (<see cref="WriteAsync"/>): <c>syncfs</c> mostly waits on the disk, and that wait no longer stops the
/// writers. Commits stay in batch order, at most one in flight; the decisions of the batch being
/// committed are kept in memory so the next batch sees them before the catalog does.
/// </para>
/// </summary>
internal sealed class BatchPublisher(ICatalog catalog, IDocumentStore store, string connector, long runId, IReadOnlySet<long> pass, int parallelism, double reviewSampleRate = 0, string? checkpointKey = null)
{
    private Task _committing = Task.CompletedTask;
    private Dictionary<string, CurrentVersion> _uncommitted = new(StringComparer.Ordinal);

    /// <summary>Writes a batch and waits until it is durable (catalog committed).</summary>
    public async Task<RunCounts> PublishAsync(RecordBatch batch, CancellationToken ct)
    {
        var counts = await WriteAsync(batch, ct);
        await CompleteAsync();
        return counts;
    }

    /// <summary>Waits for the last batch's flush and commit; rethrows its failure.</summary>
    public Task CompleteAsync() => _committing;

    /// <summary>
    /// Writes a batch's versions to the store and starts its flush and commit in the background, after the
    /// previous batch's commit. Returns the batch's counts, durable once <see cref="CompleteAsync"/> (or the
    /// next call) has returned.
    /// </summary>
    public async Task<RunCounts> WriteAsync(RecordBatch batch, CancellationToken ct)
    {
        var outcomes = batch.Outcomes;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in outcomes)
        {
            if (o.Rejection is null && o.Document is { } d) ids.Add(d.Id.Value);
        }
        var current = Overlay(catalog.FindCurrent(ids), _uncommitted);
        var seenInBatch = new Dictionary<string, (string Hash, int Version, string SourceRef)>(StringComparer.Ordinal);

        var ledger = new List<LedgerEntry>(outcomes.Length);
        var versions = new List<PublishedVersion>();
        var writes = new List<VersionWriteJob>();
        var reviews = new List<ReviewItem>();
        long published = 0, unchanged = 0, quarantined = 0, pending = 0;

        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            var record = batch.Records[i];
            var mapped = batch.Mapped[i];
            var method = StoredVersionFile.MethodName(mapped.Method);
            if (outcome.Rejection is null && mapped.Method == DigitizationMethod.Ocr && ReviewSample.Selects(record.SourceRef, reviewSampleRate))
            {
                // Tesseract can be confident and wrong: a share of confident reads is checked by a person,
                // which is what the report's measured field accuracy comes from.
                outcome = NormalizationOutcome.Review(outcome.Facts, "random sample for accuracy check (read with confidence above the threshold)", outcome.Document);
                outcomes[i] = outcome;
            }
            if (outcome.Rejection is { } rejection)
            {
                ledger.Add(Entry(record.SourceRef, rejection, outcome.Reason, outcome.Facts, method, outcome.Document?.Id.Value, null));
                if (rejection == LedgerState.PendingReview)
                {
                    pending++;
                    reviews.Add(new ReviewItem(connector, record.SourceRef, outcome.Facts.DocumentType, outcome.Reason ?? "", outcome.Document is { } c ? System.Text.Encoding.UTF8.GetString(c.Content) : null,
                        ReviewPayload.Serialize(mapped), record.Evidence?.FilePath, record.Evidence?.OcrText, "pending", DateTimeOffset.UtcNow,
                        outcome.Reason?.StartsWith("random sample", StringComparison.Ordinal) == true));
                }
                else quarantined++;
                continue;
            }

            var doc = outcome.Document!;
            var id = doc.Id.Value;
            if (seenInBatch.TryGetValue(id, out var seen))
            {
                if (seen.Hash == doc.ContentHash) { unchanged++; ledger.Add(Entry(record.SourceRef, LedgerState.Unchanged, null, outcome.Facts, method, id, seen.Version)); }
                else { quarantined++; ledger.Add(Entry(record.SourceRef, LedgerState.Quarantined, Duplicate(outcome, seen.SourceRef), outcome.Facts, method, null, null)); }
                continue;
            }
            int version;
            if (current.TryGetValue(id, out var existing))
            {
                if (existing.ContentHash == doc.ContentHash)
                {
                    unchanged++;
                    seenInBatch[id] = (doc.ContentHash, existing.Version, record.SourceRef);
                    ledger.Add(Entry(record.SourceRef, LedgerState.Unchanged, null, outcome.Facts, method, id, existing.Version));
                    continue;
                }
                if (pass.Contains(existing.RunId) && existing.SourceRef != record.SourceRef)
                {
                    // Two deliveries of one pass disagree: that is a data error at the agency, not a correction. A pass,
                    // not a run: after a kill the next run reads on from the checkpoint, and the second delivery must be
                    // judged as an uninterrupted run judged it (it was a new version whenever a kill fell between the two).
                    quarantined++;
                    ledger.Add(Entry(record.SourceRef, LedgerState.Quarantined, Duplicate(outcome, existing.SourceRef), outcome.Facts, method, null, null));
                    continue;
                }
                version = existing.Version + 1;
            }
            else version = 1;

            seenInBatch[id] = (doc.ContentHash, version, record.SourceRef);
            var sourceRef = record.SourceRef;
            writes.Add(new VersionWriteJob(doc.Id, version, doc.ContentHash,
                v => StoredVersionFile.Build(doc.Id, v, doc.ContentHash, doc.Content, connector, sourceRef, mapped.Method, doc.Repairs), record.Evidence));
            versions.Add(new PublishedVersion(id, version, doc.Type.Slug, outcome.Facts.AgencyCode ?? "", outcome.Facts.ResultNumber ?? "", doc.ContentHash, doc.Status,
                doc.IssueDate, doc.ValidUntil, method, connector, record.SourceRef, doc.Subjects));
            ledger.Add(Entry(record.SourceRef, LedgerState.Published, null, outcome.Facts, method, id, version));
            published++;
        }

        var finalVersions = new int[writes.Count];
        await Parallel.ForAsync(0, writes.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (i, token) =>
        {
            finalVersions[i] = await WriteVersionAsync(writes[i], token);
            // A first version needs no pointer (absent = highest); a new version moves it.
            if (finalVersions[i] > 1) await store.SetCurrentAsync(writes[i].Id, finalVersions[i], token);
            if (writes[i].Evidence is { } evidence) await ScanFiles.StoreAsync(store, writes[i].Id, evidence, token);
        });
        FixUpHealedVersions(writes, finalVersions, versions, ledger);

        var counts = new RunCounts(outcomes.Length, published, unchanged, quarantined, pending);
        var commit = new BatchCommit(runId, checkpointKey ?? connector, ledger, versions, reviews, batch.Checkpoint, counts);
        // Commits stay in order: the previous batch's must be done before this one's starts (and its
        // failure surfaces here, before anything else is written on top of it).
        await _committing;
        _uncommitted = versions.ToDictionary(v => v.DocumentId, v => new CurrentVersion(v.Version, v.ContentHash, runId, v.SourceRef), StringComparer.Ordinal);
        _committing = Task.Run(async () =>
        {
            await store.FlushAsync(ct);
            catalog.CommitBatch(commit);
        }, ct);
        return counts;
    }

    /// <summary>The catalog's current versions, overridden by what the batch still being committed publishes.</summary>
    private static IReadOnlyDictionary<string, CurrentVersion> Overlay(IReadOnlyDictionary<string, CurrentVersion> committed, Dictionary<string, CurrentVersion> uncommitted)
    {
        if (uncommitted.Count == 0) return committed;
        var merged = new Dictionary<string, CurrentVersion>(committed, StringComparer.Ordinal);
        foreach (var (id, version) in uncommitted) merged[id] = version;
        return merged;
    }

    /// <summary>
    /// Writes a version; if the store already holds that version number with other content (left by a
    /// crashed run whose catalog commit never happened and whose source has since changed), the orphan
    /// is kept untouched — versions are immutable — and the next free number is used.
    /// </summary>
    private async Task<int> WriteVersionAsync(VersionWriteJob job, CancellationToken ct)
    {
        for (var version = job.Version; ; version++)
        {
            try
            {
                await store.PutVersionAsync(job.Id, version, job.Build(version), ct);
                return version;
            }
            catch (DocumentStoreException) when (version < job.Version + 5)
            {
                var existing = await store.GetVersionAsync(job.Id, version, ct);
                if (existing is not null && StoredVersionFile.ReadContentHash(existing) == job.Hash) return version;
            }
        }
    }

    private static void FixUpHealedVersions(List<VersionWriteJob> writes, int[] finalVersions, List<PublishedVersion> versions, List<LedgerEntry> ledger)
    {
        for (var i = 0; i < writes.Count; i++)
        {
            if (finalVersions[i] == writes[i].Version) continue;
            var id = writes[i].Id.Value;
            var vi = versions.FindIndex(v => v.DocumentId == id && v.Version == writes[i].Version);
            versions[vi] = versions[vi] with { Version = finalVersions[i] };
            var li = ledger.FindIndex(l => l.DocumentId == id && l.Version == writes[i].Version && l.State == LedgerState.Published);
            ledger[li] = ledger[li] with { Version = finalVersions[i] };
        }
    }

    private sealed record VersionWriteJob(DocumentId Id, int Version, string Hash, Func<int, byte[]> Build, DataHub.Connectors.Sources.ScanEvidence? Evidence);

    private static string Duplicate(NormalizationOutcome outcome, string firstRef) =>
        $"duplicate result number '{outcome.Facts.ResultNumber}' with different content (first delivered as {firstRef})";

    private LedgerEntry Entry(string sourceRef, LedgerState state, string? reason, ResultFacts facts, string method, string? docId, int? version) =>
        new(connector, sourceRef, state, reason, docId, version, facts.DocumentType, facts.AgencyCode, facts.AgencyLevel, facts.ProcedureField, facts.SettledOn, method, facts.ResultNumber);
}
