using DataHub.Core.Documents;
using DataHub.Store.AzureBlob;
using DataHub.Store.Documents;

namespace DataHub.Store.Tests;

/// <summary>Publishing through a path that breaks 30 % of requests: everything arrives once, intact.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FaultInjectionTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Three_hundred_documents_published_through_a_30_percent_faulty_path_all_arrive_exactly_once_and_intact()
    {
        await using var proxy = new FaultInjectingProxy(azurite.Connection.BlobEndpoint.Port, faultRate: 0.30, stall: TimeSpan.FromSeconds(3), seed: 20261123);
        var faultyConnection = BlobConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={BlobConnectionString.DevelopmentAccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{proxy.Port}/devstoreaccount1;");
        var options = AzuriteFixture.FastOptions with
        {
            // 13 attempts at a 30 % fault rate: a request fails for good with probability 0.3^13 ≈ 2e-7.
            MaxRetryAttempts = 12,
            RetryMaxDelay = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromSeconds(1),
            // A breaker tuned for real outages would open on this deliberate 30 %; this test is about retries.
            BreakerFailureRatio = 0.95,
            BreakerMinimumThroughput = 200,
        };
        var container = AzuriteFixture.NewContainerName("faults");
        using var faultyClient = new BlobRestClient(faultyConnection, options);
        using var faultyStore = new AzureBlobDocumentStore(faultyClient, container);
        using var directStore = new AzureBlobDocumentStore(azurite.ConnectionString, container, AzuriteFixture.FastOptions);
        var documents = Enumerable.Range(0, 300)
            .Select(i => DocumentId.Derive("H56.22", DocumentType.BirthCertificate, $"KS-{i:D4}/2024"))
            .Select(id => (Id: id, Content: BlobStoreBenchmark.SyntheticDocument(id, id.Value), Ocr: System.Text.Encoding.UTF8.GetBytes($"GIẤY KHAI SINH {id}")))
            .ToArray();

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<VersionWrite>();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
        {
            outcomes.Add(await faultyStore.PutVersionAsync(d.Id, 1, d.Content, ct));
            await faultyStore.PutFileAsync(d.Id, "ocr.txt", new MemoryStream(d.Ocr), ct);
            await faultyStore.SetCurrentAsync(d.Id, 1, ct);
        });

        // Read back over the clean path: nothing missing, nothing extra, bytes exact.
        var listed = await directStore.ListAsync().ToListAsync();
        Assert.Equal(documents.Select(d => d.Id.Value).Order(StringComparer.Ordinal), listed.Select(d => d.Id.Value));
        Assert.All(listed, d =>
        {
            Assert.Equal([1], d.Versions);
            Assert.Equal(1, d.Current);
            Assert.Equal(["ocr.txt"], d.Files);
        });
        foreach (var d in documents)
        {
            Assert.Equal(d.Content, await directStore.GetVersionAsync(d.Id, 1));
            using var ocr = (MemoryStream)(await directStore.OpenFileAsync(d.Id, "ocr.txt"))!;
            Assert.Equal(d.Ocr, ocr.ToArray());
        }
        Assert.Equal(300, outcomes.Count);
        output.WriteLine($"requests through the proxy: {proxy.Requests}; " +
            string.Join(", ", Enum.GetValues<FaultKind>().Select(k => $"{k}={proxy.Count(k)}")) +
            $"; version writes Written={outcomes.Count(o => o == VersionWrite.Written)} AlreadyPresent={outcomes.Count(o => o == VersionWrite.AlreadyPresent)}");
        // A lost acknowledgment of a version write is retried, finds the blob, compares and reports AlreadyPresent.
        Assert.Contains(VersionWrite.AlreadyPresent, outcomes);
        // Every kind of fault really happened, including lost acknowledgments of version writes
        // (those come back as AlreadyPresent after the read-back comparison).
        Assert.All(new[] { FaultKind.ServiceUnavailable, FaultKind.ResetBeforeForward, FaultKind.ResetAfterForward, FaultKind.Stall },
            kind => Assert.True(proxy.Count(kind) > 0, $"no {kind} fault was injected"));

        using var cleanup = azurite.CreateClient();
        await cleanup.DeleteContainerAsync(container);
    }
}
