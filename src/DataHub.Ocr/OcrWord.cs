namespace DataHub.Ocr;

/// <summary>One recognized word with Tesseract's confidence (0–100).</summary>
public sealed record OcrWord(string Text, float Confidence, OcrBoundingBox Box);
