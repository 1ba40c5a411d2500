using DataHub.Core.Identity;

namespace DataHub.Core.Tests.Identity;

public class EnterpriseCodeTests
{
    [Theory]
    [InlineData("0100109106", "0100109106")]          // a published tax code: 10 − (114 mod 11) = 6
    [InlineData("0100109106-001", "0100109106-001")]  // dependent unit
    [InlineData("0100109106001", "0100109106-001")]   // the same, as exports write it without the dash
    public void Accepts_codes_whose_check_digit_matches(string raw, string normalized)
    {
        Assert.True(EnterpriseCode.TryParse(raw, out var code, out var reason), reason);
        Assert.Equal(normalized, code.Value);
    }

    [Theory]
    [InlineData("0100109107", "check digit")]
    [InlineData("010010910", "10 digits")]
    [InlineData("0100109106-0A1", "10 digits")]
    public void Refuses_codes_with_a_reason(string raw, string expected)
    {
        Assert.False(EnterpriseCode.TryParse(raw, out _, out var reason));
        Assert.Contains(expected, reason);
    }

    [Fact]
    public void Remainder_zero_has_no_valid_check_digit()
    {
        // Search a prefix whose weighted sum is divisible by 11 rather than hard-coding one.
        var prefix = Enumerable.Range(100_000_000, 1000).Select(n => n.ToString()).First(p => EnterpriseCode.CheckDigit(p) is null);
        foreach (var digit in "0123456789") Assert.False(EnterpriseCode.TryParse(prefix + digit, out _, out _));
    }
}
