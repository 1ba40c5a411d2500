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
            var schema = JsonSchema.FromJsonAsync(root.ToString()).GetAwaiter().GetResult();
            result[type.Slug] = new DocumentSchema(type, schema, ReadFields(root, commonDefinitions, type), type.SchemaFileName);
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
