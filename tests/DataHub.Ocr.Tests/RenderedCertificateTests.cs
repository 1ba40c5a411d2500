using DataHub.Ocr.Corpus;
using DataHub.Ocr.Extraction;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>
/// OCR + extraction end to end: a sample record is laid out like the real form, rendered at test time,
/// scanned crooked (skew) and read back; every template field must come out exactly as recorded.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class RenderedCertificateTests(OcrFixture fixture) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("birth-certificate", 1, 3.0)]
    [InlineData("land-use-right-certificate", 2, -2.0)]
    [InlineData("household-business-registration", 3, 0.0)]
    public async Task Every_field_is_read_from_a_rendered_certificate(string slug, int skip, double skew)
    {
        var record = SampleRecords.FirstOf(slug, skip);
        var tif = await OcrCorpus.RenderTextAsync(_dir.Path, "cert", SampleRecords.LayoutText(record), 300, degrade: false,
            CancellationToken.None, heightInches: 11.69);
        var scan = _dir.File("cert.png");
        Tools.Run("convert", tif, "-colorspace", "Gray", "-background", "white", "-rotate", skew.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "+repage", "-density", "300", "-units", "PixelsPerInch", scan);

        var ocr = await fixture.Engine.RecognizeFileAsync(scan);
        var result = new FieldExtractor().Extract(ocr);

        Assert.Equal(slug, result.DocumentType?.Slug);
        Assert.Equal([], result.Missing);
        var template = new FieldExtractor().Templates.Single(t => t.DocumentTypeSlug == slug);
        var wrong = new List<string>();
        foreach (var field in template.Fields)
        {
            var got = result[field.Name]!;
            var expected = record.Fields[field.Name];
            Assert.InRange(got.Confidence, 0, 100);
            // OCR drops the space inside printed codes ("CT 936757" → "CT936757"); codes are compacted
            // by normalization later, so for values with digits spacing is not an extraction error.
            var right = expected.Any(char.IsDigit) ? Compact(expected) == Compact(got.Value) : expected == got.Value;
            if (right) continue;
            wrong.Add($"{field.Name}: '{got.Value}' ({got.Confidence:0}) instead of '{expected}'");
            // The contract the review queue relies on: a misread value never comes out confident.
            Assert.True(got.Confidence < ReviewThreshold, $"confidently wrong: {wrong[^1]}");
        }
        // Measured: at most one diacritic slip per page (e.g. "Quằng" for "Quảng", confidence 0).
        Assert.True(wrong.Count <= 1, string.Join("; ", wrong));
    }

    /// <summary>Below this field confidence the pipeline sends a record to review instead of publishing it.</summary>
    private const float ReviewThreshold = 50;

    private static string? Compact(string? s) => s is null ? null : string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
