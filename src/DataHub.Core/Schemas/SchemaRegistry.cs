using DataHub.Core.Documents;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace DataHub.Core.Schemas;

/// <summary>
/// The shared schemas, compiled once. Takes the schema texts rather than a folder so Core stays free
/// of I/O. References to <c>common.v1.schema.json#/definitions/x</c> are inlined as local
/// <c>#/definitions/x</c> before compiling: NJsonSchema would otherwise resolve them from disk or the web.
/// </summary>
public sealed class SchemaRegistry
{
    public const string CommonFileName = "common.v1.schema.json";

    private readonly Dictionary<string, DocumentSchema> _bySlug;

    private SchemaRegistry(Dictionary<string, DocumentSchema> bySlug) => _bySlug = bySlug;

    public IReadOnlyCollection<DocumentSchema> All => _bySlug.Values;

    public DocumentSchema? Find(DocumentType type) => _bySlug.GetValueOrDefault(type.Slug);

    public DocumentSchema Get(DocumentType type) =>
        Find(type) ?? throw new InvalidOperationException($"no schema {type.SchemaFileName} is loaded");

    /// <summary>
    /// Compiles every schema now rather than on first use: for whatever must not meet a broken schema half-way through
    /// its work (a connector check, the scheduler daemon's start).
    /// </summary>
    /// <exception cref="InvalidDataException">A schema does not compile; the message names its file.</exception>
    public void CompileAll()
    {
        foreach (var schema in _bySlug.Values) _ = schema.Schema;
    }

    /// <param name="schemaTexts">File name → JSON text, e.g. everything in <c>schemas/</c>.</param>
    public static SchemaRegistry Load(IReadOnlyDictionary<string, string> schemaTexts)
    {
        if (!schemaTexts.TryGetValue(CommonFileName, out var commonText))
            throw new InvalidOperationException($"schema set has no {CommonFileName}");
        var commonDefinitions = (JObject)JObject.Parse(commonText)["definitions"]!;
        var result = new Dictionary<string, DocumentSchema>(StringComparer.Ordinal);
        foreach (var type in DocumentType.All)
        {
            if (!schemaTexts.TryGetValue(type.SchemaFileName, out var text)) continue;
            var root = JObject.Parse(text);
            InlineCommonReferences(root);
            root["definitions"] = commonDefinitions.DeepClone();
            var flat = (JObject)Flatten(root, commonDefinitions, 0);
            var flatText = flat.ToString();
            result[type.Slug] = new DocumentSchema(type, () => JsonSchema.FromJsonAsync(flatText).GetAwaiter().GetResult(),
                ReadFields(root, commonDefinitions, type), type.SchemaFileName, SchemaFastCheck.TryCompile(flat));
        }
        return new SchemaRegistry(result);
    }

    private static void InlineCommonReferences(JToken token)
    {
        foreach (var property in token.SelectTokens("$..$ref").OfType<JValue>().ToList())
        {
            var reference = (string)property!;
            if (reference.StartsWith(CommonFileName + "#", StringComparison.Ordinal))
                property.Value = reference[CommonFileName.Length..];
        }
    }

    /// <summary>
    /// The same schema with every reference to a shared definition replaced by a copy of it, for the
    /// validator only. NJsonSchema validates <c>allOf</c> by running a child validator per member and
    /// building its error objects even on success; with one definition per field that was half of a
    /// document's validation cost. Only a reference whose siblings are annotations (title, description,
    /// <c>x-…</c>) is inlined — those do not validate anything, so the result accepts exactly what the
    /// original accepts. Anything else is left for NJsonSchema to resolve.
    /// </summary>
    private static JToken Flatten(JToken node, JObject definitions, int depth)
    {
        switch (node)
        {
            case JObject o:
                if (depth < 32 && InlinableReference(o) is { } name && definitions[name] is JObject definition)
                    return Flatten(definition, definitions, depth + 1);
                var copy = new JObject();
                foreach (var p in o.Properties())
                    copy[p.Name] = p.Name is "definitions" or "enum" or "const" or "default" or "examples" ? p.Value.DeepClone() : Flatten(p.Value, definitions, depth);
                return copy;
            case JArray a:
                return new JArray(a.Select(x => Flatten(x, definitions, depth)));
            default:
                return node.DeepClone();
        }
    }

    /// <summary>The local definition a schema object only points to (directly or as the single member of allOf), or null.</summary>
    private static string? InlinableReference(JObject o)
    {
        string? reference = null;
        foreach (var p in o.Properties())
        {
            if (p.Name == "$ref" && p.Value.Type == JTokenType.String) reference = (string?)p.Value;
            else if (p.Name == "allOf" && p.Value is JArray { Count: 1 } all && all[0] is JObject only && only.Count == 1 && only["$ref"]?.Type == JTokenType.String)
                reference = (string?)only["$ref"];
            else if (!IsAnnotation(p.Name)) return null;
        }
        const string prefix = "#/definitions/";
        return reference is not null && reference.StartsWith(prefix, StringComparison.Ordinal) ? reference[prefix.Length..] : null;
    }

    private static bool IsAnnotation(string keyword) =>
        keyword is "title" or "description" or "$comment" or "examples" || keyword.StartsWith("x-", StringComparison.Ordinal);

    private static List<FieldSpec> ReadFields(JObject root, JObject definitions, DocumentType type)
    {
        var fields = root["properties"]?["fields"] as JObject
            ?? throw new InvalidOperationException($"{type.SchemaFileName} has no properties.fields");
        var required = fields["required"]?.Values<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        var specs = new List<FieldSpec>();
        foreach (var property in ((JObject)fields["properties"]!).Properties())
        {
            var value = (JObject)property.Value;
            var resolved = Resolve(value, definitions);
            var kindText = (string?)value["x-kind"] ?? (string?)resolved["x-kind"]
                ?? throw new InvalidOperationException($"{type.SchemaFileName}: field {property.Name} declares no x-kind");
            var kind = Enum.Parse<FieldKind>(kindText, ignoreCase: true);
            var maxLength = (int?)value["maxLength"] ?? (int?)resolved["maxLength"];
            specs.Add(new FieldSpec(property.Name, kind, required.Contains(property.Name), (string?)value["x-subject-role"], maxLength));
        }
        return specs;
    }

    /// <summary>Follows a local $ref, directly or as the single member of allOf, to the definition that declares x-kind.</summary>
    private static JObject Resolve(JObject value, JObject definitions)
    {
        var reference = (string?)value["$ref"] ?? (string?)value["allOf"]?.FirstOrDefault()?["$ref"];
        if (reference is null) return value;
        var name = reference[(reference.LastIndexOf('/') + 1)..];
        return definitions[name] as JObject ?? throw new InvalidOperationException($"unknown definition {reference}");
    }
}
