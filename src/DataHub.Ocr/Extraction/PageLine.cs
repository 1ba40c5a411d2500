namespace DataHub.Ocr.Extraction;

/// <summary>A text line rebuilt from OCR words: the words joined by single spaces, with each word's offset.</summary>
internal sealed class PageLine
{
    public string Text { get; }
    public string Folded { get; }
    private readonly (int Start, int End, float Confidence)[] _spans;

    public PageLine(IEnumerable<(string Text, float Confidence)> words)
    {
        var spans = new List<(int, int, float)>();
        var text = new System.Text.StringBuilder();
        foreach (var (w, conf) in words)
        {
            if (w.Length == 0) continue;
            if (text.Length > 0) text.Append(' ');
            spans.Add((text.Length, text.Length + w.Length, conf));
            text.Append(w);
        }
        Text = text.ToString().Normalize(System.Text.NormalizationForm.FormC);
        // NFC of OCR output never changes length here (Tesseract emits NFC); guard anyway so spans stay true.
        if (Text.Length != text.Length) Text = text.ToString();
        Folded = TextFold.Fold(Text);
        _spans = [.. spans];
    }

    /// <summary>Lowest confidence of the words overlapping [start, end).</summary>
    public float MinConfidence(int start, int end)
    {
        var min = float.MaxValue;
        foreach (var (s, e, c) in _spans)
        {
            if (s < end && e > start) min = Math.Min(min, c);
        }
        return min == float.MaxValue ? 0 : min;
    }

    public static List<PageLine> FromDocument(OcrDocumentResult document)
    {
        var lines = new List<PageLine>();
        foreach (var page in document.Pages)
        {
            if (page.Words.Count > 0)
            {
                lines.AddRange(page.Words.GroupBy(w => w.Line).OrderBy(g => g.Key)
                    .Select(g => new PageLine(g.Select(w => (w.Text, w.Confidence)))));
            }
            else
            {
                lines.AddRange(FromText(page.Text, page.MeanConfidence));
            }
        }
        return lines;
    }

    /// <summary>Lines of plain text (a PDF text layer) where every word gets the page's confidence.</summary>
    public static IEnumerable<PageLine> FromText(string text, float confidence) =>
        text.Split('\n').Select(l => new PageLine(l.Split(' ', '\t').Select(w => (w, confidence))))
            .Where(l => l.Text.Length > 0);
}
