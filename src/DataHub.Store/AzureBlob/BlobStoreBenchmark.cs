using System.Diagnostics;
using System.Text;
using DataHub.Core.Documents;
using DataHub.Store.Documents;

namespace DataHub.Store.AzureBlob;

/// <summary>
/// Publish throughput of a document store: N synthetic ~1.5 KB birth-certificate documents, each a
/// PutVersion followed by SetCurrent, the two writes a sync run makes per changed record.
/// Ids are fresh per run so every write is a real write, not an idempotent no-op.
/// </summary>
public sealed class BlobStoreBenchmark
{
    public const int DocumentSize = 1536;

    public async Task<BlobBenchmarkResult> RunAsync(IDocumentStore store, int documents, int concurrency, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documents);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        var run = Guid.NewGuid().ToString("N")[..8];
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, documents),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
            async (i, token) =>
            {
                var resultNumber = $"BENCH-{run}-{i:D7}";
                var id = DocumentId.Derive("BENCH", DocumentType.BirthCertificate, resultNumber);
                await store.PutVersionAsync(id, 1, SyntheticDocument(id, resultNumber), token).ConfigureAwait(false);
                await store.SetCurrentAsync(id, 1, token).ConfigureAwait(false);
            }).ConfigureAwait(false);
        await store.FlushAsync(ct).ConfigureAwait(false);
        stopwatch.Stop();
        return new BlobBenchmarkResult(store.GetType().Name, documents, concurrency, stopwatch.Elapsed);
    }

    /// <summary>A JSON document shaped like a normalized birth certificate, padded to <see cref="DocumentSize"/> bytes.</summary>
    public static byte[] SyntheticDocument(DocumentId id, string resultNumber)
    {
        var head = $$"""
            {"documentId":"{{id}}","type":"birth-certificate","resultNumber":"{{resultNumber}}","subject":{"fullName":"Nguyễn Thị Minh Khai","birthDate":"2024-03-15","sex":"F","birthPlace":"Bệnh viện Đa khoa tỉnh"},"issuer":"UBND xã Tân Phú","note":
            """ + "\"";
        var tail = "\"}";
        var headBytes = Encoding.UTF8.GetByteCount(head);
        var padding = Math.Max(0, DocumentSize - headBytes - tail.Length);
        return Encoding.UTF8.GetBytes(head + new string('x', padding) + tail);
    }
}
