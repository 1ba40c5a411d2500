using System.Text.Json;
using System.Text.Json.Serialization;
using DataHub.Core.Documents;

namespace DataHub.Ocr.Extraction;

/// <summary>
/// The extraction template of one document type, kept as data in
/// <c>Templates/{slug}.template.json</c> (embedded), so a new form layout is a JSON edit.
/// <see cref="TitlePatterns"/> recognize the type from the page title when the scanning index omits it.
/// </summary>
public sealed record DocumentTemplate
{
    [JsonPropertyName("documentType")] public required string DocumentTypeSlug { get; init; }
    [JsonPropertyName("titlePatterns")] public required IReadOnlyList<string> TitlePatterns { get; init; }
    [JsonPropertyName("fields")] public required IReadOnlyList<TemplateField> Fields { get; init; }

    [JsonIgnore]
    public DocumentType DocumentType => DocumentType.FromSlug(DocumentTypeSlug)
        ?? throw new InvalidOperationException($"template names unknown document type '{DocumentTypeSlug}'");

    private const string ResourceSuffix = ".template.json";

    public static DocumentTemplate Parse(string json) =>
        JsonSerializer.Deserialize<DocumentTemplate>(json) ?? throw new JsonException("empty template");

    /// <summary>All templates embedded in this assembly.</summary>
    public static IReadOnlyList<DocumentTemplate> LoadEmbedded()
    {
        var assembly = typeof(DocumentTemplate).Assembly;
        var list = new List<DocumentTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var template = Parse(reader.ReadToEnd());
            _ = template.DocumentType; // unknown slug = a broken build, not a runtime surprise
            list.Add(template);
        }
        return list;
    }
}
