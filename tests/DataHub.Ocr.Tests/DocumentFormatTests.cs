using DataHub.Ocr.Corpus;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>PDFs (text layer or scanned), multi-page TIFF, and pages with missing or odd resolution.</summary>
[Collection(OcrCollection.Name)]
public sealed class DocumentFormatTests(OcrFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private OcrCorpusPage Page(string pageClass, int index = 0) =>
        fixture.Corpus.Where(c => c.Page.PageClass == pageClass).ElementAt(index).Page;

    private static double Cer(OcrCorpusPage page, string text) => CharacterErrorRate.Compute(page.GroundTruth, text);

    [Fact]
    public async Task Pdf_with_a_text_layer_is_read_without_ocr()
    {
        var page = Page(OcrCorpus.Clean);
        // tesseract's own "searchable PDF" output: the page image plus an invisible text layer.
        Tools.Run("tesseract", page.ImagePath, _dir.File("searchable"), "-l", "vie", "pdf");
        var result = await fixture.Engine.RecognizeFileAsync(_dir.File("searchable.pdf"));
        Assert.True(result.UsedPdfTextLayer);
        var only = Assert.Single(result.Pages);
        Assert.Empty(only.Words);
        Assert.True(Cer(page, result.Text) < 0.02, $"CER {Cer(page, result.Text):P2}");
    }

    [Fact]
    public async Task Scanned_pdf_is_rasterized_and_each_page_recognized_in_order()
    {
        var first = Page(OcrCorpus.Clean, 0);
        var second = Page(OcrCorpus.Clean, 1);
        var jpgs = new[] { first, second }.Select((p, i) =>
        {
            var jpg = _dir.File($"p{i}.jpg");
            // Pad to A4 proportions so the PDF page maps the scan at 300 dpi.
            Tools.Run("convert", p.ImagePath, "-colorspace", "Gray", "-background", "white", "-gravity", "north", "-extent", "2480x3508", "-quality", "85", jpg);
            return jpg;
        }).ToArray();
        var pdf = _dir.File("scan.pdf");
        TestPdf.WriteImageOnly(pdf, jpgs);
        var result = await fixture.Engine.RecognizeFileAsync(pdf);
        Assert.False(result.UsedPdfTextLayer);
        Assert.Equal([1, 2], result.Pages.Select(p => p.PageNumber));
        Assert.True(Cer(first, result.Pages[0].Text) < 0.01, $"page 1 CER {Cer(first, result.Pages[0].Text):P2}");
        Assert.True(Cer(second, result.Pages[1].Text) < 0.01, $"page 2 CER {Cer(second, result.Pages[1].Text):P2}");
    }

    [Fact]
    public async Task Multi_page_tiff_yields_every_page_in_order()
    {
        var a = Page(OcrCorpus.Clean, 0);
        var b = Page(OcrCorpus.Rotated180, 0);
        var tiff = _dir.File("batch.tif");
        Tools.Run("convert", a.ImagePath, b.ImagePath, "-compress", "Group4", tiff);
        var result = await fixture.Engine.RecognizeFileAsync(tiff);
        Assert.Equal(2, result.Pages.Count);
        Assert.True(Cer(a, result.Pages[0].Text) < 0.01);
        Assert.Equal(180, result.Pages[1].RotationDegrees);
        Assert.True(Cer(b, result.Pages[1].Text) < 0.01);
    }

    [Fact]
    public async Task Page_without_dpi_metadata_is_read_at_the_default_resolution()
    {
        var page = Page(OcrCorpus.Clean);
        var path = _dir.File("nodpi.png");
        Tools.Run("convert", page.ImagePath, "-units", "Undefined", "-density", "0", "+set", "density", path);
        var result = await fixture.Engine.RecognizeFileAsync(path);
        Assert.True(Cer(page, result.Text) < 0.01, $"CER {Cer(page, result.Text):P2}");
    }

    [Fact]
    public async Task Page_with_wrong_dpi_metadata_is_still_read()
    {
        // Image editors often stamp 72 dpi on a 300-dpi scan: 2480 px at 72 dpi would be a 34-inch page.
        var page = Page(OcrCorpus.Clean);
        var path = _dir.File("72dpi.png");
        Tools.Run("convert", page.ImagePath, "-units", "PixelsPerInch", "-density", "72", path);
        var result = await fixture.Engine.RecognizeFileAsync(path);
        Assert.True(Cer(page, result.Text) < 0.01, $"CER {Cer(page, result.Text):P2}");
    }

    [Fact]
    public async Task Fax_resolution_200x100_is_stretched_back_to_square_pixels()
    {
        var page = Page(OcrCorpus.Clean);
        var path = _dir.File("fax.tif");
        // A fine-mode fax: 200 dpi across, 100 dpi down.
        Tools.Run("convert", page.ImagePath, "-resize", "66.67%x33.33%!", "-monochrome", "-units", "PixelsPerInch", "-density", "200x100", "-compress", "Group4", path);
        var result = await fixture.Engine.RecognizeFileAsync(path);
        Assert.True(Cer(page, result.Text) < 0.03, $"CER {Cer(page, result.Text):P2}");
    }

    [Fact]
    public async Task Stream_api_gives_the_same_text_as_the_file_api()
    {
        var page = Page(OcrCorpus.Jpeg);
        await using var stream = File.OpenRead(page.ImagePath);
        var fromStream = await fixture.Engine.RecognizeStreamAsync(stream, "upload.jpg");
        var fromFile = fixture.Corpus.First(c => c.Page == page).Result;
        Assert.Equal("upload.jpg", fromStream.SourcePath);
        Assert.Equal(fromFile.Text, fromStream.Text);
    }
}
