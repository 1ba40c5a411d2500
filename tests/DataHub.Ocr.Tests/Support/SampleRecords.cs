using System.Text.Json;
using System.Text.RegularExpressions;

namespace DataHub.Ocr.Tests.Support;

/// <summary>The ground truth of the bundled scans (samples/scans/records.json) and their layouts.</summary>
internal static class SampleRecords
{
    public sealed record Record(int Index, string File, string DocumentType, bool IndexedType, IReadOnlyDictionary<string, string> Fields);

    public static IReadOnlyList<Record> All { get; } = Load();

    public static Record FirstOf(string documentType, int skip = 0) => All.Where(r => r.DocumentType == documentType).Skip(skip).First();

    /// <summary>The record laid out as text, the same substitution render-scans.sh does with jq.</summary>
    public static string LayoutText(Record record)
    {
        var layout = System.IO.File.ReadAllText(Path.Combine(RepoPaths.SampleScans, "layouts", record.DocumentType + ".layout.txt"));
        return Regex.Replace(layout, @"\{(\w+)\}", m => record.Fields[m.Groups[1].Value]);
    }

    private static List<Record> Load()
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(RepoPaths.SampleScans, "records.json")));
        return doc.RootElement.GetProperty("records").EnumerateArray().Select((r, i) => new Record(
            i,
            r.GetProperty("file").GetString()!,
            r.GetProperty("documentType").GetString()!,
            r.GetProperty("indexedType").GetBoolean(),
            r.GetProperty("fields").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))).ToList();
    }
}
