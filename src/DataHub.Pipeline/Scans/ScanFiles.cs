using DataHub.Connectors.Sources;
using DataHub.Core.Documents;
using DataHub.Store.Documents;

namespace DataHub.Pipeline.Scans;

/// <summary>The files kept beside an OCR'd document: the original scan and the recognized text of its page.</summary>
public static class ScanFiles
{
    public const string OcrTextName = "ocr.txt";

    public static string OriginalName(string filePath) => "original" + Path.GetExtension(filePath).ToLowerInvariant();

    public static async Task StoreAsync(IDocumentStore store, DocumentId id, ScanEvidence evidence, CancellationToken ct)
    {
        if (File.Exists(evidence.FilePath))
        {
            await using var original = File.OpenRead(evidence.FilePath);
            await store.PutFileAsync(id, OriginalName(evidence.FilePath), original, ct);
        }
        using var text = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(evidence.OcrText));
        await store.PutFileAsync(id, OcrTextName, text, ct);
    }
}
