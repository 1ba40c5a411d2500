using DataHub.Connectors.Sources;
using DataHub.Core.Documents;
using DataHub.Core.Normalization;
using DataHub.Core.Text;
using DataHub.Pipeline.Sync;
using DataHub.Store.Catalog;
using DataHub.Store.Documents;

namespace DataHub.Pipeline.Review;

/// <summary>
/// The clerk's side of the review queue. Approving re-runs the same normalization with the clerk's
/// corrections and publishes through the same publisher as a sync (so versioning, idempotence and the
/// ledger rules are identical); the record's method becomes "ocr-reviewed". Rejecting quarantines it.
/// </summary>
public sealed class ReviewDesk(ICatalog catalog, IDocumentStore store, ResultNormalizer normalizer, SyncOptions options)
{
    /// <summary>Review ids are "connector:sourceRef", e.g. <c>quang-nam-paper-archive:box01/ks-001.png#p1</c>.</summary>
    public static string IdOf(ReviewItem item) => $"{item.Connector}:{item.SourceRef}";

    public ReviewItem Get(string id)
    {
        var colon = id.IndexOf(':');
        if (colon <= 0) throw new ArgumentException($"'{id}' is not a review id (connector:sourceRef, as `datahub review list` shows)");
        return catalog.GetReview(id[..colon], id[(colon + 1)..]) ?? throw new ArgumentException($"no review item {id}");
    }

    public async Task<CatalogDocument> ApproveAsync(string id, IReadOnlyDictionary<string, string> corrections, string clerk, CancellationToken ct)
    {
        var item = Get(id);
        if (item.Status != "pending") throw new InvalidOperationException($"review item {id} is already {item.Status}");
        var payload = ReviewPayload.Parse(item.RawJson) ?? throw new InvalidOperationException($"review item {id} has no record to publish");
        var values = new Dictionary<string, string?>(payload.Values, StringComparer.Ordinal);
        var typeSlug = corrections.GetValueOrDefault("documentType") ?? payload.DocumentType;
        var type = DocumentType.FromSlug(typeSlug) ?? throw new ArgumentException($"set the document type: --set documentType=<{string.Join("|", DocumentType.All)}>");
        var corrected = 0;
        foreach (var (field, value) in corrections)
        {
            if (field == "documentType") continue;
            if (!EnvelopeFields.All.Contains(field) && normalizer.FieldsOf(type).All(f => f != field))
                throw new ArgumentException($"'{field}' is not a field of {type.Slug} (fields: {string.Join(", ", normalizer.FieldsOf(type))})");
            if (VietnameseText.Normalize(values.GetValueOrDefault(field)) != VietnameseText.Normalize(value)) corrected++;
            values[field] = value;
        }
        var wasOcr = payload.Method is "ocr" or "ocr-reviewed";
        var result = new SettledResult
        {
            SourceRef = item.SourceRef, Type = type, RawType = type.Slug, Values = values,
            Method = wasOcr ? DigitizationMethod.OcrReviewed : DigitizationMethod.Native,
        };
        var outcome = normalizer.Normalize(result);
        if (outcome.Rejection is not null) throw new InvalidOperationException($"still not publishable: {outcome.Reason}");

        var evidence = item.ImagePath is null ? null : new ScanEvidence(item.ImagePath, 0, item.OcrText ?? "", 0);
        var record = new SourceRecord(item.SourceRef, item.SourceRef, 0, NoFields.Instance) { Method = result.Method, Evidence = evidence };
        var batch = new RecordBatch([record], checkpoint: null);
        batch.Mapped[0] = result;
        batch.Outcomes[0] = outcome;
        var runId = catalog.StartRun(item.Connector, "review", options.Node);
        try
        {
            await new BatchPublisher(catalog, store, item.Connector, runId, new HashSet<long> { runId }, 1).PublishAsync(batch, ct);
            catalog.FinishRun(runId, "succeeded", null);
        }
        catch (Exception e)
        {
            catalog.FinishRun(runId, "failed", e.Message);
            throw;
        }
        var checkedFields = payload.Values.Keys.Count(k => !EnvelopeFields.All.Contains(k) && k != "documentType");
        double? confidence = payload.Confidences is { Count: > 0 } c ? c.Values.Average() : null;
        catalog.ApproveReview(item.Connector, item.SourceRef, clerk, checkedFields, corrected, confidence);
        return catalog.GetVersions(outcome.Document!.Id).First();
    }

    public void Reject(string id, string reason, string clerk)
    {
        var item = Get(id);
        if (item.Status != "pending") throw new InvalidOperationException($"review item {id} is already {item.Status}");
        catalog.RejectReview(item.Connector, item.SourceRef, clerk, reason);
    }
}
