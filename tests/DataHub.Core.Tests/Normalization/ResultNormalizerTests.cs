using System.Text;
using DataHub.Core.Documents;
using DataHub.Core.Ledger;
using DataHub.Core.Normalization;
using DataHub.Core.Tests.Schemas;
using Newtonsoft.Json.Linq;

namespace DataHub.Core.Tests.Normalization;

public class ResultNormalizerTests
{
    private static readonly ResultNormalizer Normalizer = new(SchemaRegistryTests.Load(), new NormalizerOptions { Today = new DateOnly(2026, 11, 23) });

    private static Dictionary<string, string?> Birth() => new()
    {
        ["resultNumber"] = "12/2024", ["issueDate"] = "05/03/2024", ["agencyCode"] = "001.01.20.H47", ["agencyName"] = "UBND phường An Mỹ",
        ["agencyLevel"] = "commune", ["procedureCode"] = "1.001193", ["procedureField"] = "Hộ tịch",
        ["fullName"] = "NGUYỄN  văn an", ["sex"] = "Nam", ["dateOfBirth"] = "ngày 01 tháng 3 năm 2024", ["placeOfBirth"] = "Bệnh viện Đa khoa tỉnh Quảng Nam",
        ["citizenId"] = "049224001234", ["fatherName"] = "Nguyễn Văn Bình", ["fatherCitizenId"] = "049090111111",
        ["motherName"] = "Trần Thị Hoa", ["motherCitizenId"] = "049192222222", ["registrationDate"] = "2024-03-05",
    };

    private static NormalizationOutcome Run(Dictionary<string, string?> values, DocumentType? type = null) =>
        Normalizer.Normalize(new SettledResult { SourceRef = "test#1", Type = type ?? DocumentType.BirthCertificate, Values = values });

    [Fact]
    public void A_good_record_becomes_a_schema_valid_document_filed_under_every_person_in_it()
    {
        var outcome = Run(Birth());
        Assert.Null(outcome.Rejection);
        var doc = outcome.Document!;
        var json = JObject.Parse(Encoding.UTF8.GetString(doc.Content));
        Assert.Equal("Nguyễn Văn An", (string?)json["fields"]!["fullName"]);
        Assert.Equal("2024-03-01", (string?)json["fields"]!["dateOfBirth"]);
        Assert.Equal("male", (string?)json["fields"]!["sex"]);
        Assert.Equal("001.01.20.H47", (string?)json["issuingAgency"]!["code"]);
        Assert.Equal(["registrant", "father", "mother"], doc.Subjects.Select(s => s.Role));
        Assert.Equal(DocumentId.Derive("001.01.20.H47", DocumentType.BirthCertificate, "12/2024"), doc.Id);
        Assert.Equal(new DateOnly(2024, 3, 1), outcome.Facts.SettledOn is null ? default : new DateOnly(2024, 3, 1));
    }

    [Fact]
    public void The_same_content_always_hashes_the_same_and_a_change_does_not()
    {
        var first = Run(Birth()).Document!;
        var second = Run(Birth()).Document!;
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(first.Content, second.Content);
        var changed = Birth();
        changed["placeOfBirth"] = "Trạm Y tế xã Tam Thanh";
        Assert.NotEqual(first.ContentHash, Run(changed).Document!.ContentHash);
    }

    [Fact]
    public void A_document_s_bytes_do_not_depend_on_what_the_thread_normalized_before_it()
    {
        // The canonical writer is reused per thread: a long document before a short one must leave nothing behind.
        byte[] Short() => Run(Birth()).Document!.Content;
        byte[]? fresh = null;
        var thread = new Thread(() => fresh = Short());
        thread.Start();
        thread.Join();

        var longer = Birth();
        longer["placeOfBirth"] = string.Join(" ", Enumerable.Repeat("Bệnh viện Đa khoa Trung ương Quảng Nam", 5));
        var first = Run(longer).Document!.Content;
        var after = Short();

        Assert.True(first.Length > after.Length);
        Assert.Equal(fresh, after);
        Assert.Equal("Nguyễn Văn An", (string?)JObject.Parse(Encoding.UTF8.GetString(after))["fields"]!["fullName"]);
    }

    [Theory]
    [InlineData("citizenId", "04922400123", "citizenId: citizen ID must have 12 digits", "invalid-citizen-id")]
    [InlineData("citizenId", "999224001234", "unknown province code 999", "invalid-citizen-id")]
    [InlineData("dateOfBirth", "31/02/2024", "dateOfBirth:", "impossible-date")]
    [InlineData("issueDate", "05/03/2031", "issueDate: 2031-03-05 is in the future", "future-date")]
    [InlineData("issueDate", "05/03/2023", "is before dateOfBirth", "impossible-date")]
    [InlineData("fullName", "", "fullName: required field is missing", "missing-field")]
    [InlineData("resultNumber", "../../etc/passwd", "looks like a file path", "path-like-id")]
    [InlineData("resultNumber", "..\\x", "looks like a file path", "path-like-id")]
    [InlineData("sex", "X", "is not a sex", "invalid-value")]
    [InlineData("agencyLevel", "ward", "is not province, district or commune", "invalid-value")]
    public void A_bad_record_is_quarantined_with_a_reason_a_clerk_can_read(string field, string value, string reason, string code)
    {
        var values = Birth();
        values[field] = value;
        var outcome = Run(values);
        Assert.Equal(LedgerState.Quarantined, outcome.Rejection);
        Assert.Contains(reason, outcome.Reason);
        Assert.Equal(code, ReasonCodes.Classify(outcome.Reason));
        Assert.Null(outcome.Document);
    }

    [Fact]
    public void Extremely_long_fields_are_refused_before_parsing()
    {
        var values = Birth();
        values["fullName"] = new string('a', 100_000);
        var outcome = Run(values);
        Assert.Equal(LedgerState.Quarantined, outcome.Rejection);
        Assert.Contains("characters long", outcome.Reason);
    }

    [Fact]
    public void An_id_that_disagrees_with_the_record_goes_to_review_not_to_the_store()
    {
        var values = Birth();
        values["citizenId"] = "049223001234"; // says 2023, record says 2024
        var outcome = Run(values);
        Assert.Equal(LedgerState.PendingReview, outcome.Rejection);
        Assert.Contains("identity mismatch", outcome.Reason);
        Assert.NotNull(outcome.Document); // the candidate is kept for the clerk

        values = Birth();
        values["sex"] = "Nữ"; // the ID's fourth digit says male
        Assert.Equal(LedgerState.PendingReview, Run(values).Rejection);
    }

    [Fact]
    public void A_wife_whose_id_says_male_is_an_identity_mismatch()
    {
        var values = new Dictionary<string, string?>
        {
            ["resultNumber"] = "7/2020", ["issueDate"] = "01/06/2020", ["agencyCode"] = "001.01.20.H47", ["agencyName"] = "UBND phường An Mỹ", ["agencyLevel"] = "commune",
            ["husbandName"] = "Lê Văn Tám", ["husbandDateOfBirth"] = "01/01/1990", ["husbandCitizenId"] = "049090123456",
            ["wifeName"] = "Phạm Thị Lan", ["wifeDateOfBirth"] = "02/02/1992", ["wifeCitizenId"] = "049092123456", ["registrationDate"] = "01/06/2020",
        };
        var outcome = Run(values, DocumentType.MarriageCertificate);
        Assert.Equal(LedgerState.PendingReview, outcome.Rejection);
        Assert.Contains("wifeCitizenId", outcome.Reason);
    }

    [Fact]
    public void Unknown_types_and_unreadable_records_are_quarantined_not_dropped()
    {
        var unknown = Normalizer.Normalize(new SettledResult { SourceRef = "x#1", RawType = "KQ.G15.000099", Values = Birth() });
        Assert.Equal(LedgerState.Quarantined, unknown.Rejection);
        Assert.Contains("unknown document type 'KQ.G15.000099'", unknown.Reason);
        Assert.Equal("001.01.20.H47", unknown.Facts.AgencyCode);

        var malformed = Normalizer.Normalize(new SettledResult { SourceRef = "x#2", MalformedReason = "line 3: row has 2 fields but the header has 9" });
        Assert.Equal(LedgerState.Quarantined, malformed.Rejection);
        Assert.Equal("malformed-record", ReasonCodes.Classify(malformed.Reason));
    }

    [Fact]
    public void Low_ocr_confidence_sends_the_record_to_review()
    {
        var result = new SettledResult
        {
            SourceRef = "scan#1", Type = DocumentType.BirthCertificate, Values = Birth(), Method = DigitizationMethod.Ocr,
            Confidences = new Dictionary<string, double> { ["fullName"] = 95, ["citizenId"] = 41 },
        };
        var outcome = Normalizer.Normalize(result);
        Assert.Equal(LedgerState.PendingReview, outcome.Rejection);
        Assert.Contains("citizenId 41", outcome.Reason);
        Assert.DoesNotContain("fullName", outcome.Reason);
    }

    [Fact]
    public void Revoked_and_time_limited_results_keep_their_validity()
    {
        var values = Birth();
        values["status"] = "Đã thu hồi";
        values["validUntil"] = "31/12/2030";
        var doc = Run(values).Document!;
        Assert.Equal("revoked", doc.Status);
        Assert.Equal(new DateOnly(2030, 12, 31), doc.ValidUntil);
    }
}
