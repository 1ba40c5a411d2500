using System.Globalization;
using DataHub.Pipeline.Sync;

namespace DataHub.Cli.Output;

/// <summary>The summary a sync prints: one line per connector, and whether the counts reconcile.</summary>
internal static class RunTable
{
    public static void Write(TextWriter output, IReadOnlyList<ConnectorRunResult> results)
    {
        var rows = results.Select(r => new[]
        {
            r.Connector, r.Succeeded ? "ok" : "FAILED", N(r.Counts.Pulled), N(r.Counts.Published), N(r.Counts.Unchanged), N(r.Counts.Quarantined),
            N(r.Counts.PendingReview), r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        }).ToList();
        DataHub.Pipeline.Reporting.TextTable.Write(output, ["connector", "status", "pulled", "published", "unchanged", "quarantined", "pending review", "time"], rows, rightAlignFrom: 2);
        var total = results.Aggregate(Store.Catalog.RunCounts.Zero, (a, r) => a.Add(r.Counts));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {total.Pulled:N0} pulled = {total.Published:N0} published + {total.Unchanged:N0} unchanged + {total.Quarantined:N0} quarantined + {total.PendingReview:N0} pending review{(total.Reconciles ? "" : "  (DOES NOT RECONCILE)")}"));
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
