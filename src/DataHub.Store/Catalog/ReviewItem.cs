namespace DataHub.Store.Catalog;

/// <summary>
/// A record a clerk must look at before it can be published: why, the candidate document (as far as
/// it could be built), and the original page image / OCR text when it came from paper.
/// </summary>
public sealed record ReviewItem(
    string Connector,
    string SourceRef,
    string? DocumentType,
    string Reason,
    string? CandidateJson,
    string? RawJson,
    string? ImagePath,
    string? OcrText,
    string Status,
    DateTimeOffset CreatedAt,
    bool Sampled);
