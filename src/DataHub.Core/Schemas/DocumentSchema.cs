using DataHub.Core.Documents;
using NJsonSchema;

namespace DataHub.Core.Schemas;

/// <summary>A document type's compiled schema and the field list the normalizer walks.</summary>
public sealed record DocumentSchema(DocumentType Type, JsonSchema Schema, IReadOnlyList<FieldSpec> Fields, string FileName);
