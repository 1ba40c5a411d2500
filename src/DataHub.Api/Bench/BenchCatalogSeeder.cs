using System.Globalization;
using DataHub.Core.Documents;
using DataHub.Core.Normalization;
using DataHub.Store.Catalog;

namespace DataHub.Api.Bench;

/// <summary>
/// Fills a catalog with synthetic documents straight through <see cref="ICatalog.CommitBatch"/> in big
/// batches (no store files, no ledger: the lookup reads only the catalog). Two documents per citizen,
/// so a lookup returns real rows; citizen IDs are valid Quảng Nam numbers and derivable from an index.
/// </summary>
public static class BenchCatalogSeeder
{
    public const string Connector = "bench-synthetic";
    private static readonly DocumentType[] Types = [DocumentType.BirthCertificate, DocumentType.LandUseRightCertificate];

    public static string CitizenOf(int citizenIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"049{citizenIndex % 2}{40 + citizenIndex / 2 % 60:00}{citizenIndex:000000}");

    public static int CitizenCount(int documents) => (documents + 1) / 2;

    /// <returns>How many documents the catalog already held from an earlier seeding (the seeding is skipped then).</returns>
    public static long Seed(SqlCatalog catalog, int documents, Action<int>? progress = null)
    {
        using (var connection = catalog.Open())
        using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM all_document_versions WHERE connector = '{Connector}'";
            var existing = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (existing >= documents) return existing;
            if (existing > 0) throw new InvalidOperationException($"the bench catalog holds {existing} of {documents} synthetic documents; delete its folder and run again");
        }
        var run = catalog.StartRun(Connector, "bench", null);
        const int batchSize = 50_000;
        for (var start = 0; start < documents; start += batchSize)
        {
            var versions = new List<PublishedVersion>(batchSize);
            for (var i = start; i < Math.Min(documents, start + batchSize); i++)
            {
                var type = Types[i % 2];
                var number = "B" + i.ToString(CultureInfo.InvariantCulture);
                var id = DocumentId.Derive("000.00.00.H47", type, number);
                versions.Add(new PublishedVersion(id.Value, 1, type.Slug, "000.00.00.H47", number, id.Value, "valid",
                    new DateOnly(2000 + i % 25, 1 + i % 12, 1 + i % 28), null, "native", Connector, "synthetic#" + i.ToString(CultureInfo.InvariantCulture),
                    [new DocumentSubject(CitizenOf(i / 2), type == DocumentType.BirthCertificate ? "registrant" : "owner")]));
            }
            catalog.CommitBatch(new BatchCommit(run, Connector, [], versions, [], null, new RunCounts(versions.Count, versions.Count, 0, 0, 0)));
            progress?.Invoke(start + versions.Count);
        }
        catalog.FinishRun(run, "succeeded", null);
        return 0;
    }
}
