namespace DataHub.Ocr;

/// <summary>
/// One recognized word with Tesseract's confidence (0–100). <see cref="Line"/> numbers the text lines
/// of the page from 0, so field extraction can rebuild lines and know which words made up a value.
/// </summary>
public sealed record OcrWord(string Text, float Confidence, OcrBoundingBox Box, int Line);
