using DataHub.Core.Documents;
using DataHub.Ocr.Extraction;
using DataHub.Ocr.Tests.Support;

namespace DataHub.Ocr.Tests;

/// <summary>Template-driven extraction on exact text: the template logic without OCR noise.</summary>
public sealed class FieldExtractorTests
{
    private static readonly FieldExtractor Extractor = new();

    public static TheoryData<string, string[]> SchemaFields => new()
    {
        { "birth-certificate", ["fullName", "sex", "dateOfBirth", "placeOfBirth", "ethnicity", "nationality", "citizenId", "fatherName", "motherName", "registrationDate", "resultNumber", "book", "issuingAgency"] },
        { "land-use-right-certificate", ["serial", "entryNumber", "ownerName", "ownerCitizenId", "parcelNumber", "mapSheet", "address", "areaM2", "usePurpose", "useTerm", "origin", "issueDate", "resultNumber", "issuingAgency"] },
        { "household-business-registration", ["registrationNumber", "businessName", "address", "linesOfBusiness", "capitalVnd", "ownerName", "ownerCitizenId", "issueDate", "issuingAgency"] },
    };

    [Theory]
    [MemberData(nameof(SchemaFields))]
    public void Embedded_template_covers_exactly_the_schema_fields(string slug, string[] fields)
    {
        var template = Extractor.Templates.Single(t => t.DocumentTypeSlug == slug);
        Assert.Equal(fields.Order(), template.Fields.Select(f => f.Name).Order());
        Assert.NotNull(DocumentType.FromSlug(slug));
    }

    [Theory]
    [InlineData("birth-certificate", 0)]
    [InlineData("birth-certificate", 5)]
    [InlineData("land-use-right-certificate", 0)]
    [InlineData("land-use-right-certificate", 3)]
    [InlineData("household-business-registration", 0)]
    [InlineData("household-business-registration", 4)]
    public void Every_field_of_a_laid_out_record_is_extracted_exactly(string slug, int skip)
    {
        var record = SampleRecords.FirstOf(slug, skip);
        var result = Extractor.ExtractText(SampleRecords.LayoutText(record));
        Assert.Equal(slug, result.DocumentType?.Slug);
        Assert.True(result.DocumentTypeFromTitle);
        Assert.Equal([], result.Missing);
        foreach (var field in Extractor.Templates.Single(t => t.DocumentTypeSlug == slug).Fields)
        {
            Assert.Equal((field.Name, record.Fields[field.Name]), (field.Name, result[field.Name]?.Value));
        }
    }

    [Fact]
    public void Labels_match_despite_lost_diacritics_and_spaces()
    {
        var text = "GIAY KHAI SINH\nHo, chu dem, ten:LÊ VĂN AN\nGiớitính:Nam   Dân tộc: Kinh\nSo dinh danh ca nhan: 0492 2000 1234\n";
        var result = Extractor.ExtractText(text);
        Assert.Equal("LÊ VĂN AN", result["fullName"]?.Value);
        Assert.Equal("Nam", result["sex"]?.Value);
        Assert.Equal("Kinh", result["ethnicity"]?.Value);
        Assert.Equal("0492 2000 1234", result["citizenId"]?.Value);
    }

    [Fact]
    public void Known_type_from_the_index_overrides_the_title()
    {
        var result = Extractor.ExtractText("Họ, chữ đệm, tên: TRẦN THỊ BA\n", DocumentType.BirthCertificate);
        Assert.False(result.DocumentTypeFromTitle);
        Assert.Equal("TRẦN THỊ BA", result["fullName"]?.Value);
        Assert.Contains("citizenId", result.Missing);
    }

    [Fact]
    public void Unknown_title_gives_no_type_and_no_fields()
    {
        var result = Extractor.ExtractText("BIÊN BẢN HỌP TỔ DÂN PHỐ\nNội dung: ...\n");
        Assert.Null(result.DocumentType);
        Assert.Empty(result.Fields);
    }

    [Fact]
    public void Field_confidence_is_the_weakest_word_of_the_value()
    {
        OcrWord W(string t, float c, int line) => new(t, c, new OcrBoundingBox(0, 0, 1, 1), line);
        var page = new OcrPageResult(1, "", 90, 0, 0,
        [
            W("GIẤY", 96, 0), W("KHAI", 96, 0), W("SINH", 96, 0),
            W("Họ,", 95, 1), W("chữ", 95, 1), W("đệm,", 95, 1), W("tên:", 40, 1), W("NGUYỄN", 93, 1), W("VĂN", 61, 1), W("AN", 88, 1),
            W("Giới", 90, 2), W("tính:", 90, 2), W("Nam", 97, 2),
        ]);
        var result = Extractor.Extract(new OcrDocumentResult("x.png", [page], false));
        Assert.Equal(new ExtractedField("fullName", "NGUYỄN VĂN AN", 61), result["fullName"]);
        Assert.Equal(new ExtractedField("sex", "Nam", 97), result["sex"]);
    }

    [Fact]
    public void Templates_are_data_a_new_one_needs_no_code()
    {
        var custom = DocumentTemplate.Parse("""
            { "documentType": "judicial-record-certificate", "titlePatterns": ["PHIẾU LÝ LỊCH TƯ PHÁP"],
              "fields": [ { "name": "fullName", "labels": ["Họ và tên[:;]"] } ] }
            """);
        var result = new FieldExtractor([custom]).ExtractText("PHIẾU LÝ LỊCH TƯ PHÁP SỐ 1\nHọ và tên: Võ Thị Sáu\n");
        Assert.Equal(DocumentType.JudicialRecordCertificate, result.DocumentType);
        Assert.Equal("Võ Thị Sáu", result["fullName"]?.Value);
    }
}
