namespace DataHub.Ocr;

/// <summary>All pages of one input file, in order.</summary>
public sealed record OcrDocumentResult(string SourcePath, IReadOnlyList<OcrPageResult> Pages, bool UsedPdfTextLayer)
{
    /// <summary>The pages' text joined by form feeds, the convention pdftotext and tesseract use.</summary>
    public string Text => string.Join("\f", Pages.Select(p => p.Text));

    /// <summary>All words of all pages, for field extraction that needs word confidences.</summary>
    public IEnumerable<OcrWord> Words => Pages.SelectMany(p => p.Words);

    public float MeanConfidence => Pages.Count == 0 ? 0 : Pages.Average(p => p.MeanConfidence);
}
