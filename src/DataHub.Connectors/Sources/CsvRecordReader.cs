using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace DataHub.Connectors.Sources;

/// <summary>
/// CSV with a header row (RFC 4180 quoting), streamed with CsvHelper's low-level parser. A row with a
/// different number of fields than the header (a truncated row) or with a stray quote is delivered as
/// malformed rather than guessed at.
/// </summary>
public sealed class CsvRecordReader(string delimiter, System.Text.Encoding encoding) : IRecordFileReader
{
    public async IAsyncEnumerable<SourceRecord> ReadAsync(string path, string unitName, [EnumeratorCancellation] CancellationToken ct)
    {
        string? badData = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            BadDataFound = args => badData ??= $"stray quote in field near '{Shorten(args.RawRecord)}'",
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var parser = new CsvParser(text, config);
        if (!await parser.ReadAsync()) yield break;
        var header = parser.Record ?? [];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++) columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        long ordinal = 0;
        while (await parser.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            ordinal++;
            var row = parser.Record ?? [];
            var sourceRef = $"{unitName}#{ordinal}";
            string? malformed = null;
            if (badData is not null) malformed = $"line {parser.RawRow}: {badData}";
            else if (row.Length != header.Length) malformed = $"line {parser.RawRow}: row has {row.Length} fields but the header has {header.Length} (truncated or broken row)";
            badData = null;
            yield return malformed is null
                ? new SourceRecord(sourceRef, unitName, ordinal, new CsvFields(columns, row))
                : new SourceRecord(sourceRef, unitName, ordinal, NoFields.Instance, malformed);
        }
    }

    private static string Shorten(string s) => s.Length <= 60 ? s.Trim() : s[..60].Trim() + "…";

    private sealed class CsvFields(Dictionary<string, int> columns, string[] row) : IRecordFields
    {
        public string? Get(string path) => columns.TryGetValue(path, out var i) && i < row.Length ? row[i] : null;
    }
}
