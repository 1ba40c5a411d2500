using DataHub.Core.Documents;
using NJsonSchema;

namespace DataHub.Core.Schemas;

/// <summary>
/// A document type's compiled schema and the field list the normalizer walks. <see cref="FastCheck"/>
/// (null if the schema uses a keyword it does not know) accepts the valid documents quickly; NJsonSchema
/// (<see cref="Schema"/>) decides everything it does not accept.
/// </summary>
public sealed record DocumentSchema(DocumentType Type, JsonSchema Schema, IReadOnlyList<FieldSpec> Fields, string FileName, SchemaFastCheck? FastCheck = null)
{
    /// <summary>The schema errors of a document: none when the fast check accepts it, else NJsonSchema's.</summary>
    public ICollection<NJsonSchema.Validation.ValidationError> Validate(Newtonsoft.Json.Linq.JToken document) =>
        FastCheck?.Accepts(document) == true ? [] : Schema.Validate(document);

    /// <summary>The schema errors of a normalizer's document: none when the fast check accepts it, else NJsonSchema's.</summary>
    public ICollection<NJsonSchema.Validation.ValidationError> Validate(Json.CanonicalObject document) =>
        FastCheck?.Accepts(document) == true ? [] : Schema.Validate(document.ToJObject());
}
