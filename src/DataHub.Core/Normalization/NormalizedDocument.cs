using DataHub.Core.Documents;

namespace DataHub.Core.Normalization;

/// <summary>
/// A schema-valid document ready to publish. <see cref="Content"/> is its canonical JSON (property
/// order fixed by the schema), so the same source content always hashes to the same
/// <see cref="ContentHash"/> and re-runs publish nothing new.
/// </summary>
public sealed record NormalizedDocument(
    DocumentId Id,
    DocumentType Type,
    byte[] Content,
    string ContentHash,
    IReadOnlyList<DocumentSubject> Subjects,
    DateOnly IssueDate,
    DateOnly? ValidUntil,
    string Status,
    IReadOnlyList<string> Repairs);
