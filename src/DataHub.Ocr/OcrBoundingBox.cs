namespace DataHub.Ocr;

/// <summary>A word's box in pixels of the prepared page (after rotation, deskew and any upscaling).</summary>
public readonly record struct OcrBoundingBox(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
}
