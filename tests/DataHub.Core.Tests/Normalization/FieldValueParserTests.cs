using DataHub.Core.Identity;
using DataHub.Core.Normalization;

namespace DataHub.Core.Tests.Normalization;

public class FieldValueParserTests
{
    [Theory]
    [InlineData("150,5", 150.5)]
    [InlineData("150,5 m²", 150.5)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("500.000.000", 500000000)]
    [InlineData("500.000.000 đồng", 500000000)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("12,500,000", 12500000)]
    public void Reads_numbers_the_way_vietnamese_documents_write_them(string raw, double expected)
    {
        Assert.True(FieldValueParser.TryParseNumber(raw, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    public void Refuses_text_that_is_not_a_number(string raw) => Assert.False(FieldValueParser.TryParseNumber(raw, out _));

    [Theory]
    [InlineData("Nam", Sex.Male)]
    [InlineData(" nữ ", Sex.Female)]
    [InlineData("female", Sex.Female)]
    [InlineData("N÷", Sex.Female)] // TCVN3 "Nữ" read as Windows-1252
    [InlineData("x", null)]
    public void Reads_sex(string raw, Sex? expected) => Assert.Equal(expected, FieldValueParser.ParseSex(raw));
}
