using System.Text.Json.Serialization;

namespace DataHub.Ocr.Extraction;

/// <summary>
/// How one schema field is found on a page. <see cref="Labels"/> are regular expressions matched on
/// folded text (case and diacritics ignored, a space matches any run of spaces including none, since OCR
/// drops and adds spaces); the value is what follows the label up to the end of the line or the next
/// label of the template. A label with a named group <c>value</c> takes that group as the value, for
/// fields printed without a label (a date line, the issuing agency's name). <see cref="ValuePattern"/>,
/// when set, keeps only its first match inside the value (matched the same folded, space-tolerant way). <see cref="MaxLines"/> lets a long value
/// (an address) continue on following lines that carry no label.
/// </summary>
public sealed record TemplateField
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("labels")] public required IReadOnlyList<string> Labels { get; init; }
    [JsonPropertyName("valuePattern")] public string? ValuePattern { get; init; }
    [JsonPropertyName("maxLines")] public int MaxLines { get; init; } = 1;
}
