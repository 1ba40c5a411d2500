using DataHub.Core.Documents;

namespace DataHub.Store.Catalog;

/// <summary>
/// The catalog: ledger, document index by citizen, run history, checkpoints, review queue. Rebuildable
/// from the document store for everything that concerns published documents.
/// </summary>
public interface ICatalog
{
    void EnsureCreated();

    long StartRun(string connector, string trigger, string? node);
    void FinishRun(long runId, string status, string? error);
    IReadOnlyList<RunRecord> ListRuns(string? connector, int limit);

    /// <summary>
    /// The runs of one pass over a connector's source: this run and the runs it resumes — every run of the
    /// connector since its last successful one. A run killed or failed mid-way leaves its checkpoint to the next,
    /// which reads on where it stopped; within the pass, the deliveries are judged as one run would judge them.
    /// </summary>
    IReadOnlySet<long> RunsOfPass(string connector, long runId);

    /// <summary>
    /// Ends runs still 'running' whose last progress is older than <paramref name="noProgressSince"/> (their
    /// process died or hangs) with <paramref name="status"/>, and returns them as they are now.
    /// </summary>
    IReadOnlyList<RunRecord> MarkStuckRuns(DateTimeOffset noProgressSince, string status, string error);

    string? GetCheckpoint(string connector);

    /// <summary>Current versions of the given documents (absent ids are new documents).</summary>
    IReadOnlyDictionary<string, CurrentVersion> FindCurrent(IReadOnlyCollection<string> documentIds);

    /// <summary>One transaction: ledger, versions, subjects, review items, checkpoint and run counters.</summary>
    void CommitBatch(BatchCommit batch);

    IReadOnlyList<CatalogDocument> FindByCitizen(string citizenId, string? documentType, bool includeSuperseded);
    IReadOnlyList<CatalogDocument> GetVersions(DocumentId id);

    IReadOnlyList<ReportRow> Report(ReportQuery query);
    IReadOnlyList<ReasonCount> ReasonCounts(ReportQuery query);
    IReadOnlyList<LedgerStateCount> LedgerStates(ReportQuery query);
    IReadOnlyList<LedgerRow> LedgerRows(string? state, string? reasonCode, string? group, ReportQuery query, int limit);

    IReadOnlyList<ReviewItem> ListReviews(string status, int limit);
    ReviewItem? GetReview(string connector, string sourceRef);
    void DecideReview(string connector, string sourceRef, string status, string decidedBy);

    /// <summary>Records an approval with what the clerk had to correct (the OCR accuracy figures come from these).</summary>
    void ApproveReview(string connector, string sourceRef, string decidedBy, int fieldsChecked, int fieldsCorrected, double? machineConfidence);

    /// <summary>A clerk rejects a record: the review item and its ledger row say so, in one transaction.</summary>
    void RejectReview(string connector, string sourceRef, string decidedBy, string reason);

    /// <summary>
    /// Replaces the document index (versions and subjects) with what the store holds, and gives every
    /// stored version a ledger row if it has none — in one transaction.
    /// </summary>
    void ReplaceDocumentIndex(IReadOnlyList<RebuiltDocument> documents);

    /// <summary>Every cataloged version as "doc vN hash [current]" lines, for consistency checks.</summary>
    IReadOnlyList<string> DocumentIndexFingerprint();

    /// <summary>Measured OCR field accuracy from approved random samples.</summary>
    OcrAccuracy MeasuredOcrAccuracy();
}
