namespace DataHub.Ocr.Extraction;

/// <summary>
/// A field value as printed on the page (not yet normalized). <see cref="Confidence"/> (0–100) is the
/// lowest confidence among the words that make up the value: one misread digit makes a citizen ID
/// wrong however sure Tesseract was about the other eleven, and a mean would hide exactly that word.
/// </summary>
public sealed record ExtractedField(string Name, string Value, float Confidence);
