using DataHub.Ocr.Interop;

namespace DataHub.Ocr;

/// <summary>A page ready for recognition; owns its pixels.</summary>
internal sealed record PreparedPage(PixHandle Pix, int Dpi, int RotationDegrees, float SkewDegrees) : IDisposable
{
    public void Dispose() => Pix.Dispose();
}
