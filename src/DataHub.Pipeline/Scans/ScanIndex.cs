using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace DataHub.Pipeline.Scans;

/// <summary>
/// The index a scanning team fills in: box, file, document type, result number. What a person typed
/// there outranks what OCR reads (a result number typed from the cover is more reliable than a scan).
/// Entries are keyed by the file's path relative to the archive folder ("box01/ks-001.png").
/// </summary>
public sealed class ScanIndex
{
    private readonly Dictionary<string, (string? Type, string? ResultNumber)> _entries = new(StringComparer.Ordinal);

    public static ScanIndex Load(string? path)
    {
        var index = new ScanIndex();
        if (path is null || !File.Exists(path)) return index;
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
        if (!csv.Read()) return index;
        var header = csv.Record!.Select(h => h.Trim()).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var (box, file, type, number) = (Column("box"), Column("file"), Column("documentType"), Column("resultNumber"));
        while (csv.Read())
        {
            var row = csv.Record!;
            string? Cell(int i) => i >= 0 && i < row.Length && row[i].Trim().Length > 0 ? row[i].Trim() : null;
            if (Cell(file) is not { } name) continue;
            var relative = Cell(box) is { } b ? $"{b}/{name}" : name;
            index._entries[relative.Replace('\\', '/')] = (Cell(type), Cell(number));
        }
        return index;
    }

    public (string? Type, string? ResultNumber) Find(string relativePath) => _entries.GetValueOrDefault(relativePath);
}
