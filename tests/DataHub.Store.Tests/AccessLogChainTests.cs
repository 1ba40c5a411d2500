using System.Globalization;
using DataHub.Store.Audit;

namespace DataHub.Store.Tests;

/// <summary>The chain hashes the stored time text: it must keep the spelling every stored entry already has.</summary>
public sealed class AccessLogChainTests
{
    [Theory]
    [InlineData("2026-12-03T10:00:00.0000000+00:00")]
    [InlineData("2026-12-03T17:04:05.1234567+07:00")]
    [InlineData("0001-01-01T00:00:00.0000001+00:00")]
    [InlineData("2024-02-29T23:59:59.9999999-05:30")]
    public void Time_text_is_the_UTC_time_with_seven_fraction_digits_and_Z(string time)
    {
        var t = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
        Assert.Equal(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture), AccessLogChain.TimeText(t));
    }
}
