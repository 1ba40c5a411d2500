namespace DataHub.Ocr;

/// <summary>
/// How a page is thresholded before it reaches Tesseract. <see cref="None"/> hands Tesseract the
/// grayscale page and lets its own Otsu thresholding run; the others binarize with Leptonica first,
/// which helps on unevenly lit scans and costs on clean ones (see OcrEngineOptions for the measurement).
/// </summary>
public enum Binarization
{
    None,
    Sauvola,
    BackgroundNormalizedOtsu,
}
