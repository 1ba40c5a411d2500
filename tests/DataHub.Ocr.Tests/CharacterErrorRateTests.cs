namespace DataHub.Ocr.Tests;

public sealed class CharacterErrorRateTests
{
    [Fact]
    public void Identical_text_has_no_errors_whatever_the_layout() =>
        Assert.Equal(0, CharacterErrorRate.Compute("Giấy khai sinh\n\nSố: 12", "  Giấy   khai sinh Số: 12 \n"));

    [Fact]
    public void A_lost_diacritic_is_one_error() =>
        Assert.Equal(1.0 / 9, CharacterErrorRate.Compute("Quảng Nam", "Quang Nam"), 6);

    [Fact]
    public void Decomposed_input_is_compared_as_composed() =>
        Assert.Equal(0, CharacterErrorRate.Compute("Nguyễn", "Nguyễn".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("Đà Nẵng", "Da Nang", 3)]
    public void Distance_is_levenshtein(string a, string b, int expected) =>
        Assert.Equal(expected, CharacterErrorRate.Distance(a, b));

    [Fact]
    public void Empty_reference_is_all_or_nothing()
    {
        Assert.Equal(0, CharacterErrorRate.Compute("", " "));
        Assert.Equal(1, CharacterErrorRate.Compute("", "x"));
    }
}
