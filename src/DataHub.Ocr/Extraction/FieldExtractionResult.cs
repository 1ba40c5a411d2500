using DataHub.Core.Documents;

namespace DataHub.Ocr.Extraction;

/// <summary>
/// The fields found on a document. <see cref="DocumentTypeFromTitle"/> tells whether the type was read
/// from the page's title rather than given by the caller (the scanning index).
/// </summary>
public sealed record FieldExtractionResult(DocumentType? DocumentType, bool DocumentTypeFromTitle, IReadOnlyList<ExtractedField> Fields)
{
    public ExtractedField? this[string name] => Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Template fields that were not found on the page.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];
}
