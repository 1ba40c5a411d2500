using DataHub.Core.Dates;

namespace DataHub.Core.Tests.Dates;

public class DateRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Future_date_is_reported()
    {
        Assert.Equal("birth date 24/11/2026 is in the future (today is 23/11/2026)",
            DateRules.CheckNotInFuture(new DateOnly(2026, 11, 24), Today, "birth date"));
    }

    [Fact]
    public void Today_and_past_are_fine()
    {
        Assert.Null(DateRules.CheckNotInFuture(Today, Today, "birth date"));
        Assert.Null(DateRules.CheckNotInFuture(new DateOnly(1990, 1, 1), Today, "birth date"));
    }

    [Fact]
    public void Later_before_earlier_is_reported()
    {
        Assert.Equal("issue date 01/01/2000 is before birth date 02/01/2000",
            DateRules.CheckNotBefore(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 2), "issue date", "birth date"));
    }

    [Fact]
    public void Same_day_or_after_is_fine()
    {
        Assert.Null(DateRules.CheckNotBefore(new DateOnly(2000, 1, 2), new DateOnly(2000, 1, 2), "issue date", "birth date"));
        Assert.Null(DateRules.CheckNotBefore(new DateOnly(2020, 1, 2), new DateOnly(2000, 1, 2), "issue date", "birth date"));
    }
}
