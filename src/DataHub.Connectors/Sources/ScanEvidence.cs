namespace DataHub.Connectors.Sources;

/// <summary>Where an OCR'd record came from: the file, its page, the recognized text and the page's mean confidence.</summary>
public sealed record ScanEvidence(string FilePath, int Page, string OcrText, double MeanConfidence);
