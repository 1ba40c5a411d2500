using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DataHub.Core.Normalization;
using DataHub.Store.Catalog;
using DataHub.Store.Documents;

namespace DataHub.Pipeline.Reindex;

/// <summary>
/// <c>datahub reindex</c>: the store is the source of truth, so the document index can always be rebuilt
/// from it. Every stored version is read and checked (its bytes must hash to the content hash it carries,
/// and its id and number must match where it is stored); what the catalog said before is compared with
/// what the store holds, and every difference is reported before the index is replaced.
/// </summary>
public sealed class CatalogRebuilder(ICatalog catalog, IDocumentStore store)
{
    public async Task<ReindexReport> RebuildAsync(bool dryRun, IProgress<long>? progress, CancellationToken ct)
    {
        var before = catalog.DocumentIndexFingerprint().ToHashSet(StringComparer.Ordinal);
        var rebuilt = new List<RebuiltDocument>();
        var problems = new List<string>();
        long documents = 0;
        await foreach (var stored in store.ListAsync(ct))
        {
            documents++;
            if (documents % 1000 == 0) progress?.Report(documents);
            foreach (var version in stored.Versions)
            {
                var bytes = await store.GetVersionAsync(stored.Id, version, ct);
                if (bytes is null) { problems.Add($"{stored.Id} v{version}: listed but cannot be read"); continue; }
                try
                {
                    rebuilt.Add(Read(stored, version, bytes));
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidDataException or FormatException)
                {
                    problems.Add($"{stored.Id} v{version}: {e.Message}");
                }
            }
            if (stored.Current is { } current && !stored.Versions.Contains(current)) problems.Add($"{stored.Id}: current pointer names v{current}, which is not stored");
        }
        var after = rebuilt.Select(Fingerprint).ToHashSet(StringComparer.Ordinal);
        // An empty catalog (lost or new) is rebuilt, not "inconsistent" in every row.
        if (before.Count > 0) problems.AddRange(before.Except(after).Order(StringComparer.Ordinal).Select(x => $"in the catalog but not in the store: {x}"));
        if (before.Count > 0) problems.AddRange(after.Except(before).Order(StringComparer.Ordinal).Select(x => $"in the store but not in the catalog: {x}"));
        if (!dryRun) catalog.ReplaceDocumentIndex(rebuilt);
        return new ReindexReport(documents, rebuilt.Count, problems, dryRun);
    }

    private static string Fingerprint(RebuiltDocument d)
    {
        var v = d.Version;
        return $"{v.DocumentId} v{v.Version} {v.ContentHash} {v.DocumentType} {v.Status} {v.Connector} {v.SourceRef}{(d.IsCurrent ? " current" : "")}";
    }

    private static RebuiltDocument Read(StoredDocument stored, int version, byte[] bytes)
    {
        using var json = JsonDocument.Parse(bytes);
        var root = json.RootElement;
        var id = root.GetProperty("documentId").GetString();
        if (id != stored.Id.Value) throw new InvalidDataException($"file says it is document {id}");
        if (root.GetProperty("version").GetInt32() != version) throw new InvalidDataException($"file says it is version {root.GetProperty("version").GetInt32()}");
        var document = root.GetProperty("document");
        var hash = root.GetProperty("contentHash").GetString()!;
        var actual = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(document.GetRawText())));
        if (actual != hash) throw new InvalidDataException($"content does not match its hash (stored {hash[..12]}…, actual {actual[..12]}…): changed behind DataHub's back");
        var provenance = root.GetProperty("provenance");
        var agency = document.GetProperty("issuingAgency");
        var validity = document.GetProperty("validity");
        var subjects = document.GetProperty("subjects").EnumerateArray()
            .Select(s => new DocumentSubject(s.GetProperty("citizenId").GetString()!, s.GetProperty("role").GetString()!)).ToList();
        var published = new PublishedVersion(
            stored.Id.Value, version, document.GetProperty("documentType").GetString()!, agency.GetProperty("code").GetString()!,
            document.GetProperty("resultNumber").GetString()!, hash, validity.GetProperty("status").GetString()!,
            DateOnly.ParseExact(document.GetProperty("issueDate").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            validity.TryGetProperty("validUntil", out var until) ? DateOnly.ParseExact(until.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            provenance.GetProperty("method").GetString()!, provenance.GetProperty("connector").GetString()!, provenance.GetProperty("sourceRef").GetString()!, subjects);
        var field = document.TryGetProperty("procedure", out var procedure) && procedure.TryGetProperty("field", out var f) ? f.GetString() : null;
        return new RebuiltDocument(published, stored.Current == version, agency.GetProperty("level").GetString(), field);
    }
}
