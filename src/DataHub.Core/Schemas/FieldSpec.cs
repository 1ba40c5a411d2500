namespace DataHub.Core.Schemas;

/// <summary>
/// One field of a document type's <c>fields</c> object, read from its schema. A citizen-ID field with a
/// subject role files the document under that citizen.
/// </summary>
public sealed record FieldSpec(string Name, FieldKind Kind, bool Required, string? SubjectRole, int? MaxLength);
