using System.Globalization;
using DataHub.Core.Dates;

namespace DataHub.Core.Tests.Dates;

public class VietnameseDateTests
{
    [Theory]
    [InlineData("05/03/2021", 2021, 3, 5)]
    [InlineData("5/3/2021", 2021, 3, 5)]
    [InlineData("05-03-2021", 2021, 3, 5)]
    [InlineData("05.03.2021", 2021, 3, 5)]
    [InlineData(" 31/12/1999 ", 1999, 12, 31)]
    [InlineData("29/02/2020", 2020, 2, 29)]
    [InlineData("01/01/1900", 1900, 1, 1)]
    [InlineData("05/03/2021 14:30", 2021, 3, 5)]
    [InlineData("05/03/2021 14:30:59", 2021, 3, 5)]
    [InlineData("2021-03-05", 2021, 3, 5)]
    [InlineData("2021-03-05T00:00:00", 2021, 3, 5)]
    [InlineData("2021-03-05T23:59:59Z", 2021, 3, 5)]
    [InlineData("2021-03-05T23:59:59.1234567+07:00", 2021, 3, 5)]
    [InlineData("2021-03-05T08:15:00-05:00", 2021, 3, 5)]
    [InlineData("2021-03-05 08:15", 2021, 3, 5)]
    [InlineData("ngày 05 tháng 3 năm 2021", 2021, 3, 5)]
    [InlineData("Ngày 5 tháng 03 năm 2021", 2021, 3, 5)]
    [InlineData("  ngày  05   tháng  3   năm   2021 ", 2021, 3, 5)]
    [InlineData("NGÀY 05 THÁNG 3 NĂM 2021", 2021, 3, 5)]
    [InlineData("ngày\u00A005 tháng\u00A03 năm\u00A02021", 2021, 3, 5)]
    [InlineData("nga\u0300y 05 tha\u0301ng 3 na\u0306m 2021", 2021, 3, 5)] // decomposed
    [InlineData("ngày 05 tháng 3 năm 2021.", 2021, 3, 5)]
    public void Parses(string raw, int y, int m, int d)
    {
        Assert.True(VietnameseDate.TryParse(raw, out var date, out var reason), reason);
        Assert.Equal(new DateOnly(y, m, d), date);
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("31/02/2020", "31/02/2020 is not a calendar date (February 2020 has 29 days)")]
    [InlineData("29/02/2023", "29/02/2023 is not a calendar date (February 2023 has 28 days)")]
    [InlineData("31/04/2021", "31/04/2021 is not a calendar date (April 2021 has 30 days)")]
    [InlineData("01/13/2020", "01/13/2020 is not a calendar date (there is no month 13)")]
    [InlineData("00/12/2020", "00/12/2020 is not a calendar date (there is no day 0)")]
    [InlineData("15/00/2020", "15/00/2020 is not a calendar date (there is no month 0)")]
    [InlineData("2023-02-29", "2023-02-29 is not a calendar date (February 2023 has 28 days)")]
    [InlineData("ngày 31 tháng 2 năm 2020", "ngày 31 tháng 2 năm 2020 is not a calendar date (February 2020 has 29 days)")]
    [InlineData("05/03/1899", "05/03/1899: year 1899 is before 1900")]
    [InlineData("05/03/0021", "05/03/0021: year 21 is before 1900")]
    [InlineData("05/03/21", "05/03/21 has a 2-digit year; write the year in full (yyyy)")]
    [InlineData("05/03/2021 25:00", "05/03/2021 25:00 has an impossible time of day")]
    [InlineData("2021-03-05T24:00:00Z", "2021-03-05T24:00:00Z has an impossible time of day")]
    public void Rejects_impossible_dates_with_a_precise_reason(string raw, string expected)
    {
        Assert.False(VietnameseDate.TryParse(raw, out var date, out var reason));
        Assert.Equal(default, date);
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("05/03-2021")]     // mixed separators
    [InlineData("2021/03/05")]
    [InlineData("March 5, 2021")]
    [InlineData("05/03/2021abc")]
    [InlineData("٠٥/٠٣/٢٠٢١")]       // Arabic-Indic digits are not accepted
    [InlineData("ngày 05 tháng 3")]
    [InlineData("hôm nay")]
    public void Rejects_unrecognised_formats(string raw)
    {
        Assert.False(VietnameseDate.TryParse(raw, out _, out var reason));
        Assert.Contains("is not a recognised date", reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing(string? raw)
    {
        Assert.False(VietnameseDate.TryParse(raw, out _, out var reason));
        Assert.Equal("date is missing", reason);
    }

    [Fact]
    public void Does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "en-US", "vi-VN", "ar-SA", "th-TH", "fa-IR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.True(VietnameseDate.TryParse("05/03/2021", out var date, out _));
                Assert.Equal(new DateOnly(2021, 3, 5), date);
                Assert.Equal("Ngày sinh 06/03/2021 is in the future (today is 05/03/2021)",
                    DateRules.CheckNotInFuture(new DateOnly(2021, 3, 6), new DateOnly(2021, 3, 5), "Ngày sinh"));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
