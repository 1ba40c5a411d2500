using System.Runtime.CompilerServices;
using DataHub.Connectors.Sources;
using DataHub.Core.Documents;
using DataHub.Ocr;
using DataHub.Ocr.Extraction;

namespace DataHub.Pipeline.Scans;

/// <summary>
/// A paper archive as a scanning team delivers it: folders of page images and PDFs, plus an optional
/// index. Each page becomes one record of OCR'd fields with their confidences. Files are recognized
/// ahead of the reader, in parallel through the engine pool, and handed out in order; a file that cannot
/// be read (empty, truncated, not an image, password-protected, too large) becomes one quarantined record
/// with the reason, and the run goes on. Files are read once per fingerprint, like a file drop.
/// </summary>
public sealed class ScanArchiveSource(string root, ScanIndex index, OcrEngine engine, FieldExtractor extractor, int readAhead) : IRecordSource, IPartitionableSource
{
    private Func<string, bool> _include = _ => true;

    /// <summary>A backfill partition reads (and OCRs) only its own files: the cluster spreads the archive by file.</summary>
    public void SelectUnits(Func<string, bool> include) => _include = include;

    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf", ".bmp", ".pnm"];
    private readonly UnitProgress _progress = new();

    public async IAsyncEnumerable<SourceRecord> ReadAsync(string? checkpoint, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"scan archive folder {root} does not exist");
        _progress.Load(checkpoint);
        var files = new List<(string Relative, FileInfo File)>();
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden }))
        {
            if (!Extensions.Contains(file.Extension.ToLowerInvariant())) continue;
            var relative = Path.GetRelativePath(root, file.FullName).Replace('\\', '/');
            if (!_include(relative)) continue;
            if (_progress.NeedsReading(relative, UnitProgress.Fingerprint(file))) files.Add((relative, file));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));

        var pending = new Queue<(string Relative, Task<OcrDocumentResult> Ocr)>();
        var next = 0;
        void Fill()
        {
            while (pending.Count < readAhead && next < files.Count)
            {
                var (relative, file) = files[next++];
                pending.Enqueue((relative, engine.RecognizeFileAsync(file.FullName, ct)));
            }
        }
        Fill();
        while (pending.Count > 0)
        {
            var (relative, ocr) = pending.Dequeue();
            Fill();
            var skip = _progress.AlreadyCommitted(relative);
            OcrDocumentResult? result = null;
            string? error = null;
            try
            {
                result = await ocr;
            }
            catch (OcrException e)
            {
                error = $"OCR: {relative}: {e.Message}";
            }
            if (error is not null)
            {
                if (skip < 1) yield return new SourceRecord($"{relative}#p1", relative, 1, NoFields.Instance, error) { Method = DigitizationMethod.Ocr };
            }
            else
            {
                foreach (var record in PageRecords(relative, result!))
                {
                    if (record.Ordinal > skip) yield return record;
                }
            }
            _progress.MarkDone(relative);
        }
    }

    private IEnumerable<SourceRecord> PageRecords(string relative, OcrDocumentResult document)
    {
        var (indexType, indexNumber) = index.Find(relative);
        var knownType = DocumentType.FromSlug(indexType);
        foreach (var page in document.Pages)
        {
            var single = document with { Pages = [page] };
            var extraction = extractor.Extract(single, knownType);
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var confidences = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var field in extraction.Fields)
            {
                values[field.Name] = field.Value;
                confidences[field.Name] = field.Confidence;
            }
            values["documentType"] = extraction.DocumentType?.Slug ?? indexType ?? "(unrecognized)";
            // Only a single-page file maps to one index row; pages of a bundle keep what OCR read.
            if (indexNumber is not null && document.Pages.Count == 1)
            {
                values["resultNumber"] = indexNumber;
                confidences["resultNumber"] = 100;
            }
            var sourceRef = $"{relative}#p{page.PageNumber}";
            yield return new SourceRecord(sourceRef, relative, page.PageNumber, new DictionaryFields(values))
            {
                Method = document.UsedPdfTextLayer ? DigitizationMethod.Native : DigitizationMethod.Ocr,
                Confidences = document.UsedPdfTextLayer ? null : confidences,
                Evidence = new ScanEvidence(Path.Combine(root, relative), page.PageNumber, page.Text, page.MeanConfidence),
            };
        }
    }

    public string CheckpointAfter(SourceRecord record) => _progress.After(record);

    public string? CheckpointAtEnd() => _progress.AtEnd();
}
