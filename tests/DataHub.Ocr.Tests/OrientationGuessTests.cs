using DataHub.Ocr.Corpus;
using DataHub.Ocr.Interop;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>
/// The ascender/descender guess on real rendered pages, prepared as the reader prepares them (deskewed,
/// binarized, as they lie), and the decision rule on its own.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class OrientationGuessTests(OcrFixture fixture)
{
    private static readonly OcrEngineOptions Options = new();

    [Theory]
    [InlineData(OcrCorpus.Clean, 0)]
    [InlineData(OcrCorpus.Noisy, 0)]
    [InlineData(OcrCorpus.Skewed, 0)]
    [InlineData(OcrCorpus.Jpeg, 0)]
    [InlineData(OcrCorpus.Rotated180, 2)]
    [InlineData(OcrCorpus.Rotated90, 3)]
    [InlineData(OcrCorpus.Rotated270, 1)]
    public void Rendered_pages_are_guessed_the_right_way_up(string pageClass, int? expectedQuarters)
    {
        foreach (var (page, _) in fixture.Corpus.Where(c => c.Page.PageClass == pageClass))
        {
            using var raw = Leptonica.pixRead(page.ImagePath);
            Assert.False(raw.IsInvalid);
            var (gray, dpi) = PagePreparer.Normalize(raw, Options);
            using (gray)
            using (var prepared = PagePreparer.Finish(gray, dpi, 0, Options))
            {
                Assert.Equal(expectedQuarters, OrientationGuess.QuartersToUpright(prepared.Pix, Options.MinOrientationGuessConfidence));
            }
        }
    }

    [Theory]
    [InlineData(15f, 1f, 0)]
    [InlineData(-15f, 2f, 2)]
    [InlineData(1.5f, 12f, 1)]
    [InlineData(-1f, -20f, 3)]
    public void Strong_counts_decide(float up, float left, int? expected) =>
        Assert.Equal(expected, OrientationGuess.Decide(up, left, 8));

    [Theory]
    [InlineData(5f, -3f)]    // a weak page (150 dpi upscaled): no guess
    [InlineData(0f, 0f)]     // too few ascenders to count
    [InlineData(-9f, 10f)]   // both strong: neither beats the other 2.5 to 1
    public void Weak_or_contradictory_counts_make_no_guess(float up, float left) =>
        Assert.Null(OrientationGuess.Decide(up, left, 8));
}
