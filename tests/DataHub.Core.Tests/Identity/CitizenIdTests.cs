using DataHub.Core.Identity;

namespace DataHub.Core.Tests.Identity;

public class CitizenIdTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("049085001234", "049", Sex.Male, 1985)]
    [InlineData("049190123456", "049", Sex.Female, 1990)]
    [InlineData("001203000001", "001", Sex.Male, 2003)]
    [InlineData("067325999999", "067", Sex.Female, 2025)]
    public void Reads_province_sex_and_birth_year_from_the_digits(string raw, string province, Sex sex, int year)
    {
        Assert.True(CitizenId.TryParse(raw, Today, out var id, out var reason), reason);
        Assert.Equal(province, id.ProvinceCode);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(year, id.BirthYear);
    }

    [Theory]
    [InlineData("", "missing")]
    [InlineData("04908500123", "12 digits; 11 digits looks like a legacy ID card")]
    [InlineData("201234567", "legacy ID card (CMND)")]
    [InlineData("0490850O1234", "digits only")]
    [InlineData("003085001234", "unknown province code 003")]
    [InlineData("049285001234", "birth year 2085, which is in the future")]
    [InlineData("0490850012345", "12 digits (got 13)")]
    public void Refuses_invalid_numbers_with_the_rule_they_break(string raw, string expected)
    {
        Assert.False(CitizenId.TryParse(raw, Today, out _, out var reason));
        Assert.Contains(expected, reason);
    }

    [Fact]
    public void Does_not_echo_a_full_number_in_its_reasons()
    {
        CitizenId.TryParse("0490850O1234", Today, out _, out var reason);
        Assert.DoesNotContain("0490850O1234", reason);
    }

    [Fact]
    public void Disagreement_with_the_record_is_an_identity_mismatch()
    {
        var id = CitizenId.From("049190123456", Today); // female, 1990
        Assert.Null(id.CheckConsistency(new DateOnly(1990, 5, 1), Sex.Female));
        Assert.Contains("birth year 1990", id.CheckConsistency(new DateOnly(1991, 5, 1), Sex.Female));
        Assert.Contains("sex female", id.CheckConsistency(new DateOnly(1990, 5, 1), Sex.Male));
        Assert.Null(id.CheckConsistency(null, null));
    }

    [Fact]
    public void Masks_all_but_province_and_last_two_digits()
    {
        Assert.Equal("049*******56", CitizenId.From("049190123456", Today).Masked);
    }

    [Fact]
    public void Legacy_id_card_numbers_recover_a_lost_leading_zero()
    {
        Assert.True(LegacyIdCardNumber.TryParse("20123456", out var cmnd, out _));
        Assert.Equal("020123456", cmnd.Value);
        Assert.True(LegacyIdCardNumber.TryParse("201234567", out cmnd, out _));
        Assert.Equal("201234567", cmnd.Value);
        Assert.False(LegacyIdCardNumber.TryParse("2012345", out _, out _));
    }
}
