using DataHub.Core.Documents;
using DataHub.Core.Schemas;
using DataHub.Tests.Shared;
using Newtonsoft.Json.Linq;

namespace DataHub.Core.Tests.Schemas;

public class SchemaRegistryTests
{
    internal static SchemaRegistry Load() =>
        SchemaRegistry.Load(Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText));

    [Fact]
    public void Loads_the_six_reusable_document_types_with_vietnamese_titles()
    {
        var registry = Load();
        Assert.Equal(DocumentType.All.Select(t => t.Slug).Order(), registry.All.Select(s => s.Type.Slug).Order());
        Assert.StartsWith("Giấy khai sinh", registry.Get(DocumentType.BirthCertificate).Schema.Title);
        Assert.StartsWith("Phiếu lý lịch tư pháp", registry.Get(DocumentType.JudicialRecordCertificate).Schema.Title);
    }

    [Fact]
    public void Reads_field_kinds_and_subject_roles_from_the_schema()
    {
        var birth = Load().Get(DocumentType.BirthCertificate);
        var byName = birth.Fields.ToDictionary(f => f.Name);
        Assert.Equal(FieldKind.PersonName, byName["fullName"].Kind);
        Assert.Equal(FieldKind.Date, byName["dateOfBirth"].Kind);
        Assert.Equal(FieldKind.CitizenId, byName["citizenId"].Kind);
        Assert.Equal("registrant", byName["citizenId"].SubjectRole);
        Assert.Equal("mother", byName["motherCitizenId"].SubjectRole);
        Assert.True(byName["fullName"].Required);
        Assert.False(byName["book"].Required);
    }

    [Fact]
    public void Validates_against_the_inlined_common_definitions()
    {
        var schema = Load().Get(DocumentType.LandUseRightCertificate).Schema;
        var document = JObject.Parse("""
        {"documentType":"land-use-right-certificate","resultNumber":"CS000001","issuingAgency":{"code":"000.00.15.H47","name":"Sở TN&MT","level":"province"},
         "issueDate":"2020-01-02","validity":{"status":"valid"},"subjects":[{"citizenId":"049085001234","role":"owner"}],
         "fields":{"serial":"CS 123456","ownerName":"Lê Văn Tám","ownerCitizenId":"049085001234","parcelNumber":"12","mapSheet":"3","address":"Tam Kỳ","areaM2":150.5,"usePurpose":"Đất ở"}}
        """);
        Assert.Empty(schema.Validate(document));
        document["fields"]!["ownerCitizenId"] = "04908500123";
        document["issueDate"] = "02/01/2020";
        var errors = schema.Validate(document).Select(e => e.Path ?? "").ToList();
        Assert.Contains(errors, p => p.Contains("ownerCitizenId"));
        Assert.Contains(errors, p => p.Contains("issueDate"));
    }

    [Fact]
    public void Definitions_reached_through_allOf_still_constrain_the_fields()
    {
        // The validator gets a copy with shared definitions inlined (faster); it must refuse what the original refuses.
        var schema = Load().Get(DocumentType.BirthCertificate).Schema;
        var document = JObject.Parse("""
        {"documentType":"birth-certificate","resultNumber":"12/2020","issuingAgency":{"code":"055.06.20.H47","name":"UBND xã Tam Xuân","level":"commune"},
         "issueDate":"2020-01-02","validity":{"status":"valid"},"subjects":[{"citizenId":"049220001234","role":"registrant"}],
         "fields":{"fullName":"Nguyễn Văn An","sex":"male","dateOfBirth":"2020-01-01","placeOfBirth":"Tam Kỳ","citizenId":"049220001234","registrationDate":"2020-01-02"}}
        """);
        Assert.Empty(schema.Validate(document));
        document["fields"]!["fullName"] = new string('A', 500);
        document["fields"]!["dateOfBirth"] = "2020/01/01";
        document["fields"]!["sex"] = "unknown";
        var errors = schema.Validate(document).Select(e => e.Path ?? "").ToList();
        Assert.Contains(errors, p => p.Contains("fullName"));
        Assert.Contains(errors, p => p.Contains("dateOfBirth"));
        Assert.Contains(errors, p => p.Contains("sex"));
    }

    [Fact]
    public void A_schema_that_does_not_compile_is_an_error_naming_its_file_when_compiled_or_first_needed()
    {
        // A reference to a definition nobody declares: the registry's own reading of the fields does not follow it (it is
        // not on a field), so only NJsonSchema's compile — deferred to first use — finds it.
        var texts = Directory.EnumerateFiles(RepoPaths.Schemas, "*.schema.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var birth = JObject.Parse(texts[DocumentType.BirthCertificate.SchemaFileName]);
        birth["properties"]!["resultNumber"] = JObject.Parse("""{"$ref": "#/definitions/noSuchDefinition"}""");
        texts[DocumentType.BirthCertificate.SchemaFileName] = birth.ToString();
        var registry = SchemaRegistry.Load(texts);

        var compile = Assert.Throws<InvalidDataException>(registry.CompileAll);
        Assert.StartsWith(DocumentType.BirthCertificate.SchemaFileName + ": the schema does not compile:", compile.Message);

        // A sync meets it when the first document needs NJsonSchema's verdict: the same error, again (not a cached other one).
        var use = Assert.Throws<InvalidDataException>(() => registry.Get(DocumentType.BirthCertificate).Validate(JObject.Parse("""{"documentType": 1}""")));
        Assert.Equal(compile.Message, use.Message);
        // The other types are unaffected.
        Assert.NotEmpty(registry.Get(DocumentType.MarriageCertificate).Validate(JObject.Parse("""{"documentType": 1}""")));
    }
}
