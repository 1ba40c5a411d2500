using DataHub.Core.Diagnostics;

namespace DataHub.Core.Tests.Diagnostics;

public class ErrorLineTests
{
    [Fact]
    public void An_aggregate_gives_each_distinct_cause_once_on_one_line()
    {
        var broken = new InvalidDataException("a.json: the schema does not compile");
        var nested = new AggregateException(new InvalidDataException("a.json: the schema does not compile"), new IOException("disk\nfull"));

        Assert.Equal("a.json: the schema does not compile; disk full", ErrorLine.Of(new AggregateException(broken, broken, nested)));
        Assert.Equal("plain", ErrorLine.Of(new InvalidOperationException("plain")));
    }
}
