using DataHub.Ocr.Extraction;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>The committed sample scans stay consistent with their index and ground truth.</summary>
[Collection(OcrCollection.Name)]
public sealed class BundledSampleTests(OcrFixture fixture)
{
    private static string Sample(string relative) => Path.Combine(RepoPaths.SampleScans, relative);

    [Fact]
    public void Index_lists_every_sample_file_and_every_listed_file_exists()
    {
        var rows = File.ReadAllLines(Sample("index.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.True(File.Exists(Sample(Path.Combine(r[0].Trim('"'), r[1].Trim('"')))), string.Join(",", r)));
        Assert.All(SampleRecords.All, rec => Assert.True(File.Exists(Sample(rec.File)), rec.File));
        Assert.Equal(SampleRecords.All.Count + 4, rows.Count);
        Assert.Contains(rows, r => r[2].Trim('"').Length == 0); // some rows leave the type to OCR
    }

    [Fact]
    public async Task Multi_page_tiff_sample_yields_both_certificates()
    {
        var result = await fixture.Engine.RecognizeFileAsync(Sample("box05/gcn-multipage.tif"));
        Assert.Equal(2, result.Pages.Count);
        var extractor = new FieldExtractor();
        var serials = result.Pages.Select(p => extractor.Extract(result with { Pages = [p] })["serial"]?.Value).ToList();
        Assert.Equal([SampleRecords.All[12].Fields["serial"], SampleRecords.All[13].Fields["serial"]], serials);
    }

    [Fact]
    public async Task Scanned_pdf_sample_is_ocrd_page_by_page()
    {
        var result = await fixture.Engine.RecognizeFileAsync(Sample("box05/hkd-scan.pdf"));
        Assert.False(result.UsedPdfTextLayer);
        Assert.Equal(2, result.Pages.Count);
        var extractor = new FieldExtractor();
        var numbers = result.Pages.Select(p => extractor.Extract(result with { Pages = [p] })["registrationNumber"]?.Value).ToList();
        Assert.Equal([SampleRecords.All[22].Fields["registrationNumber"], SampleRecords.All[23].Fields["registrationNumber"]], numbers);
    }

    [Theory]
    [InlineData("box05/empty.tif", "empty")]
    [InlineData("box05/truncated.jpg", "truncated or corrupt")]
    public async Task Broken_samples_fail_with_a_clear_message(string file, string reason)
    {
        var e = await Assert.ThrowsAsync<OcrException>(() => fixture.Engine.RecognizeFileAsync(Sample(file)));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task Upside_down_noisy_sample_is_read_field_by_field()
    {
        // box03/gcn-013.png is turned 180°; box01/ks-005.jpg has uneven light and noise.
        foreach (var record in new[] { SampleRecords.All[12], SampleRecords.All[4] })
        {
            var result = new FieldExtractor().Extract(await fixture.Engine.RecognizeFileAsync(Sample(record.File)));
            Assert.Equal(record.DocumentType, result.DocumentType?.Slug);
            var wrong = result.Fields.Where(f => record.Fields[f.Name] != f.Value).Select(f => $"{f.Name}='{f.Value}'").ToList();
            // One OCR slip on a long value is tolerated here; that is what the confidence and review queue are for.
            Assert.True(wrong.Count <= 1 && result.Missing.Count == 0, $"{record.File}: wrong {string.Join("; ", wrong)}; missing {string.Join(",", result.Missing)}");
        }
    }
}
