using DataHub.Store.Catalog;
using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

/// <summary>
/// A pass over a connector's source spans the runs that resume one another after a kill or a failure: two
/// disagreeing deliveries of one result within it are a data error, as within one uninterrupted run, not a
/// correction (Sync/BatchPublisher.cs). The network crash test caught the difference: a kill that fell between
/// the two deliveries turned the second into a spurious version 2.
/// </summary>
public sealed class RunPassTests : IDisposable
{
    private readonly TempFolder _folder = new("datahub-pass");

    [Fact]
    public void A_pass_holds_every_run_of_the_connector_since_its_last_successful_one()
    {
        var catalog = CatalogFactory.Sqlite(_folder.Combine("catalog.db"));
        catalog.EnsureCreated();
        var done = catalog.StartRun("civil", "manual", null);
        catalog.FinishRun(done, "succeeded", null);
        var killed = catalog.StartRun("civil", "manual", null); // never finished: its process died
        var failed = catalog.StartRun("civil", "scheduled", null);
        catalog.FinishRun(failed, "failed", "agency unreachable");
        var otherConnector = catalog.StartRun("land", "manual", null);
        var resumed = catalog.StartRun("civil", "manual", null);

        Assert.Equal(new[] { killed, failed, resumed }, catalog.RunsOfPass("civil", resumed).Order());
        Assert.Equal([otherConnector], catalog.RunsOfPass("land", otherConnector));

        catalog.FinishRun(resumed, "succeeded", null);
        var next = catalog.StartRun("civil", "manual", null);
        Assert.Equal([next], catalog.RunsOfPass("civil", next));
        catalog.Dispose();
    }

    public void Dispose() => _folder.Dispose();
}
