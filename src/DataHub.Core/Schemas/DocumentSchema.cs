using DataHub.Core.Documents;
using NJsonSchema;

namespace DataHub.Core.Schemas;

/// <summary>
/// A document type's compiled schema and the field list the normalizer walks. <see cref="FastCheck"/>
/// (null if the schema uses a keyword it does not know) accepts the valid documents quickly; NJsonSchema
/// (<see cref="Schema"/>) decides everything it does not accept.
/// <para>
/// NJsonSchema compiles the schema on first use, not when the registry loads: a nightly run whose documents the
/// fast check accepts never needs it, and compiling the six schemas was a third of a sync's start
/// (bench/RESULTS.md, fourteenth session). A schema that does not compile therefore fails where it is first needed,
/// as an <see cref="InvalidDataException"/> naming its file; <c>datahub check</c> and the <c>run</c> daemon compile every
/// schema up front (<see cref="SchemaRegistry.CompileAll"/>) so that an operator hears of it before a nightly run.
/// </para>
/// </summary>
public sealed class DocumentSchema(DocumentType type, Func<JsonSchema> compile, IReadOnlyList<FieldSpec> fields, string fileName, SchemaFastCheck? fastCheck = null)
{
    private readonly Lazy<JsonSchema> _schema = new(() => Compile(compile, fileName), LazyThreadSafetyMode.ExecutionAndPublication);

    public DocumentType Type => type;

    /// <summary>The schema as NJsonSchema compiled it (compiled on first use).</summary>
    public JsonSchema Schema => _schema.Value;

    public IReadOnlyList<FieldSpec> Fields => fields;

    public string FileName => fileName;

    public SchemaFastCheck? FastCheck => fastCheck;

    private static JsonSchema Compile(Func<JsonSchema> compile, string fileName)
    {
        try
        {
            return compile();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // NJsonSchema throws whatever its parser or reference resolver met (InvalidOperationException,
            // JsonReaderException, ...): one type with the file's name is what a caller can catch and an operator can act on.
            throw new InvalidDataException($"{fileName}: the schema does not compile: {e.Message}", e);
        }
    }

    /// <summary>The schema errors of a document: none when the fast check accepts it, else NJsonSchema's.</summary>
    public ICollection<NJsonSchema.Validation.ValidationError> Validate(Newtonsoft.Json.Linq.JToken document) =>
        FastCheck?.Accepts(document) == true ? [] : Schema.Validate(document);

    /// <summary>The schema errors of a normalizer's document: none when the fast check accepts it, else NJsonSchema's.</summary>
    public ICollection<NJsonSchema.Validation.ValidationError> Validate(Json.CanonicalObject document) =>
        FastCheck?.Accepts(document) == true ? [] : Schema.Validate(document.ToJObject());
}
