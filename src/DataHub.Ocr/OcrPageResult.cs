namespace DataHub.Ocr;

/// <summary>
/// One recognized page. <see cref="RotationDegrees"/> is the clockwise rotation applied to make the
/// page upright (0/90/180/270); <see cref="SkewDegrees"/> the small deskew angle found afterwards.
/// A page taken from a PDF text layer has confidence 100, no rotation and no words.
/// </summary>
public sealed record OcrPageResult(
    int PageNumber,
    string Text,
    float MeanConfidence,
    int RotationDegrees,
    float SkewDegrees,
    IReadOnlyList<OcrWord> Words);
