using System.Globalization;

namespace DataHub.Pipeline.Reporting;

/// <summary>A plain aligned text table; widths count text elements so Vietnamese diacritics do not skew columns.</summary>
public static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int rightAlignFrom = int.MaxValue)
    {
        var widths = headers.Select((h, i) => Math.Max(Width(h), rows.Count == 0 ? 0 : rows.Max(r => Width(r[i])))).ToArray();
        output.WriteLine(Line(headers.ToArray(), widths, rightAlignFrom));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows) output.WriteLine(Line(row, widths, rightAlignFrom));
    }

    private static string Line(string[] cells, int[] widths, int rightAlignFrom) =>
        string.Join("  ", cells.Select((c, i) => Pad(c, widths[i], left: i >= rightAlignFrom))).TrimEnd();

    private static string Pad(string s, int width, bool left)
    {
        var padding = new string(' ', Math.Max(0, width - Width(s)));
        return left ? padding + s : s + padding;
    }

    private static int Width(string s) => new StringInfo(s.Normalize(System.Text.NormalizationForm.FormC)).LengthInTextElements;
}
