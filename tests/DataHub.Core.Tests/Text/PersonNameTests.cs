using System.Globalization;
using DataHub.Core.Text;

namespace DataHub.Core.Tests.Text;

public class PersonNameTests
{
    [Theory]
    [InlineData("NGUYỄN văn  an", "Nguyễn Văn An")]
    [InlineData("đỗ thị ĐÀO", "Đỗ Thị Đào")]
    [InlineData("  trần   ĐÌNH\tƯỚC ", "Trần Đình Ước")]
    [InlineData("ỨNG ỦY ỶM ỢI", "Ứng Ủy Ỷm Ợi")]
    [InlineData("h'hen niê", "H'Hen Niê")]
    [InlineData("nguyễn-lê MINH", "Nguyễn-Lê Minh")]
    [InlineData("nguye\u0302\u0303n van an", "Nguyễn Van An")]
    [InlineData("LINH", "Linh")]
    public void Title_cases_each_syllable(string input, string expected)
    {
        Assert.Equal(expected, PersonName.Normalize(input));
    }

    [Fact]
    public void Already_normal_name_is_the_same_instance()
    {
        string name = "Nguyễn Thị Hồng Nhung";
        Assert.Same(name, PersonName.Normalize(name));
    }

    [Fact]
    public void Null_becomes_empty()
    {
        Assert.Equal("", PersonName.Normalize(null));
    }

    [Fact]
    public void Is_culture_invariant_even_under_Turkish_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // Under tr-TR, culture-sensitive casing maps i → İ and I → ı.
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal("Linh Inh", PersonName.Normalize("LINH inh"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
