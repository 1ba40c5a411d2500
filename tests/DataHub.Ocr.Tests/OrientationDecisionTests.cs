using DataHub.Ocr.Corpus;
using DataHub.Ocr.Interop;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>
/// Checking a page's orientation (OSD, or a second reading turned 180°) costs about as much as reading
/// it, so it happens only when the first reading is doubtful; a cheap guess from the ascender count
/// decides which way that first reading is taken. Upright and turned pages of every quality must be
/// read once; without a guess, turned pages must still come out upright and readable.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class OrientationDecisionTests(OcrFixture fixture)
{
    private static readonly OcrEngineOptions Options = new();

    [Theory]
    [InlineData(OcrCorpus.Clean)]
    [InlineData(OcrCorpus.Noisy)]
    [InlineData(OcrCorpus.Skewed)]
    [InlineData(OcrCorpus.Jpeg)]
    [InlineData(OcrCorpus.LowResolution)]
    public void Upright_pages_are_read_once_without_an_orientation_check(string pageClass)
    {
        var (page, doubted) = ReadFirstPageOf(pageClass, Options);
        Assert.False(doubted, $"{pageClass}: doubted; mean confidence {page.MeanConfidence}");
        Assert.Equal(0, page.RotationDegrees);
        AssertReadable(pageClass, page);
    }

    [Theory]
    [InlineData(OcrCorpus.Rotated90, 270)]
    [InlineData(OcrCorpus.Rotated180, 180)]
    [InlineData(OcrCorpus.Rotated270, 90)]
    public void Turned_pages_are_guessed_turned_and_read_once(string pageClass, int expectedCorrection)
    {
        var (page, doubted) = ReadFirstPageOf(pageClass, Options);
        Assert.False(doubted, $"{pageClass}: doubted; mean confidence {page.MeanConfidence}");
        Assert.Equal(expectedCorrection, page.RotationDegrees);
        AssertReadable(pageClass, page);
    }

    [Theory]
    [InlineData(OcrCorpus.Clean, 0)]
    [InlineData(OcrCorpus.Rotated180, 180)]
    public void Read_as_one_block_guessed_pages_are_still_read_once(string pageClass, int expectedCorrection)
    {
        // The cheaper setting for single-column archives (no layout analysis, which would keep side-by-side columns apart).
        var (page, doubted) = ReadFirstPageOf(pageClass, Options with { GuessedPageSegMode = 6 });
        Assert.False(doubted);
        Assert.Equal(expectedCorrection, page.RotationDegrees);
        AssertReadable(pageClass, page);
    }

    [Theory]
    [InlineData(OcrCorpus.Rotated90, 270)]
    [InlineData(OcrCorpus.Rotated180, 180)]
    [InlineData(OcrCorpus.Rotated270, 90)]
    public void Without_a_guess_turned_pages_are_doubted_then_turned_upright_and_read(string pageClass, int expectedCorrection)
    {
        // The path a page takes when the ascender count has no opinion (tables, digits, 150-dpi scans).
        var (page, doubted) = ReadFirstPageOf(pageClass, Options with { MinOrientationGuessConfidence = float.MaxValue });
        Assert.True(doubted);
        Assert.Equal(expectedCorrection, page.RotationDegrees);
        AssertReadable(pageClass, page);
    }

    [Fact]
    public void Above_100_every_page_is_checked_and_upright_pages_stay_as_they_are()
    {
        var (page, doubted) = ReadFirstPageOf(OcrCorpus.Clean, Options with { MinUprightConfidence = 101 });
        Assert.True(doubted);
        Assert.Equal(0, page.RotationDegrees);
        AssertReadable(OcrCorpus.Clean, page);
    }

    [Fact]
    public void Without_orientation_detection_a_doubtful_page_is_kept_as_read()
    {
        var (page, doubted) = ReadFirstPageOf(OcrCorpus.Rotated180, Options with { DetectOrientation = false });
        Assert.False(doubted);
        Assert.Equal(0, page.RotationDegrees);
    }

    [Fact]
    public async Task Engine_counts_only_the_pages_it_had_to_doubt()
    {
        using var engine = new OcrEngine(new OcrEngineOptions { PoolSize = 1 });
        await engine.RecognizeFileAsync(PageOf(OcrCorpus.Clean).ImagePath);
        Assert.Equal(0, engine.DoubtedPages);
        // Upside down, but guessed so before reading: read once, turned.
        var turned = await engine.RecognizeFileAsync(PageOf(OcrCorpus.Rotated180).ImagePath);
        Assert.Equal(180, turned.Pages.Single().RotationDegrees);
        Assert.Equal(0, engine.DoubtedPages);

        using var strict = new OcrEngine(new OcrEngineOptions { PoolSize = 1, MinUprightConfidence = 101 });
        await strict.RecognizeFileAsync(PageOf(OcrCorpus.Clean).ImagePath);
        Assert.Equal(1, strict.DoubtedPages);
    }

    [Fact]
    public void A_confident_reading_with_wide_words_looks_upright()
    {
        Assert.True(PageReader.LooksUpright(Reading(90, Word("Quảng", 100, 30), Word("Nam", 60, 30)), 70));
    }

    [Fact]
    public void A_low_confidence_reading_is_doubted_whatever_its_shape()
    {
        Assert.False(PageReader.LooksUpright(Reading(45, Word("Quảng", 100, 30)), 70));
        Assert.False(PageReader.LooksUpright(Reading(0), 70));
    }

    [Fact]
    public void A_confident_reading_whose_words_stand_on_end_is_doubted()
    {
        // What Tesseract makes of a page turned 90°: right text, boxes taller than wide.
        Assert.False(PageReader.LooksUpright(Reading(94, Word("Quảng", 30, 100), Word("Nam", 30, 60), Word("tỉnh", 100, 30)), 70));
    }

    [Fact]
    public void A_low_confidence_reading_of_horizontal_lines_does_not_stand_on_end()
    {
        // Upside down: garbage, but laid out in lines like an upright page; a 180° reading settles it.
        Assert.False(PageReader.StandsOnEnd(Reading(43, Word("ɔuɐnQ", 100, 30), Word("ɯɐN", 60, 30))));
        Assert.True(PageReader.StandsOnEnd(Reading(40, Word("Quảng", 30, 100), Word("Nam", 30, 60))));
        Assert.False(PageReader.StandsOnEnd(Reading(0)));
    }

    [Fact]
    public void Short_words_do_not_decide_the_shape()
    {
        // "1", "số": about as tall as wide in any orientation, so they neither help nor hurt.
        Assert.True(PageReader.LooksUpright(Reading(90, Word("Quảng", 100, 30), Word("1", 15, 30), Word("số", 25, 30)), 70));
    }

    private OcrCorpusPage PageOf(string pageClass) => fixture.Corpus.First(c => c.Page.PageClass == pageClass).Page;

    private (OcrPageResult Page, bool Doubted) ReadFirstPageOf(string pageClass, OcrEngineOptions options)
    {
        using var worker = new OcrWorker(options);
        using var raw = Leptonica.pixRead(PageOf(pageClass).ImagePath);
        Assert.False(raw.IsInvalid);
        return PageReader.Read(raw, 1, worker, options);
    }

    private void AssertReadable(string pageClass, OcrPageResult page)
    {
        var cer = CharacterErrorRate.Compute(PageOf(pageClass).GroundTruth, page.Text);
        Assert.True(cer < 0.015, $"{pageClass}: CER {cer:P2}");
    }

    private static OcrWord Word(string text, int width, int height) => new(text, 90, new OcrBoundingBox(0, 0, width, height), 0);

    private static OcrPageResult Reading(float meanConfidence, params OcrWord[] words) => new(1, string.Join(" ", words.Select(w => w.Text)), meanConfidence, 0, 0, words);
}
