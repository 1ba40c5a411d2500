using System.Text;
using DataHub.Core.Documents;

namespace DataHub.Core.Tests.Documents;

public class DocumentIdTests
{
    [Fact]
    public void Is_stable_for_agency_type_and_result_number()
    {
        var a = DocumentId.Derive("000.01.20.H47", DocumentType.BirthCertificate, "12/2024");
        var b = DocumentId.Derive(" 000.01.20.h47 ", DocumentType.BirthCertificate, "12/2024 ");
        Assert.Equal(a, b);
        Assert.Equal(26, a.Value.Length);
        Assert.NotEqual(a, DocumentId.Derive("000.01.20.H47", DocumentType.MarriageCertificate, "12/2024"));
        Assert.NotEqual(a, DocumentId.Derive("000.02.20.H47", DocumentType.BirthCertificate, "12/2024"));
    }

    [Fact]
    public void The_same_number_in_another_unicode_form_is_the_same_document()
    {
        var composed = "Số 5/Đất".Normalize(NormalizationForm.FormC);
        var decomposed = "Số 5/Đất".Normalize(NormalizationForm.FormD);
        Assert.Equal(DocumentId.Derive("H47", DocumentType.LandUseRightCertificate, composed), DocumentId.Derive("H47", DocumentType.LandUseRightCertificate, decomposed));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\windows")]
    [InlineData("/abs")]
    public void Hostile_result_numbers_still_give_path_safe_ids(string number)
    {
        var id = DocumentId.Derive("H47", DocumentType.BirthCertificate, number);
        Assert.Matches("^[a-z2-7]{26}$", id.Value);
    }

    [Theory]
    [InlineData("../aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData(null)]
    public void Parses_only_the_exact_shape_it_produces(string? raw) => Assert.False(DocumentId.TryParse(raw, out _));
}
