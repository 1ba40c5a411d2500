using System.Text;
using System.Text.RegularExpressions;
using DataHub.Core.Documents;

namespace DataHub.Ocr.Extraction;

/// <summary>
/// Pulls schema fields out of OCR'd pages using the per-type templates (data, see
/// <see cref="DocumentTemplate"/>). Values come out as printed; normalization and validation belong to
/// the pipeline. Thread-safe after construction.
/// </summary>
public sealed class FieldExtractor
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly List<CompiledTemplate> _templates;

    public IReadOnlyList<DocumentTemplate> Templates => _templates.Select(t => t.Template).ToList();

    public FieldExtractor(IEnumerable<DocumentTemplate>? templates = null)
    {
        _templates = (templates ?? DocumentTemplate.LoadEmbedded()).Select(Compile).ToList();
    }

    /// <summary>The type whose title pattern matches earliest in the document, or null.</summary>
    public DocumentType? DetectDocumentType(OcrDocumentResult document) => Detect(PageLine.FromDocument(document));

    public FieldExtractionResult Extract(OcrDocumentResult document, DocumentType? knownType = null) =>
        Extract(PageLine.FromDocument(document), knownType);

    /// <summary>Extracts from plain text (a PDF text layer, a transcription) at the given confidence.</summary>
    public FieldExtractionResult ExtractText(string text, DocumentType? knownType = null, float confidence = 100) =>
        Extract(PageLine.FromText(text, confidence).ToList(), knownType);

    private FieldExtractionResult Extract(List<PageLine> lines, DocumentType? knownType)
    {
        var fromTitle = knownType is null;
        var type = knownType ?? Detect(lines);
        var template = type is null ? null : _templates.FirstOrDefault(t => t.Template.DocumentTypeSlug == type.Slug);
        if (template is null) return new FieldExtractionResult(type, fromTitle && type is not null, []);

        var found = new Dictionary<string, ExtractedField>();
        for (var i = 0; i < lines.Count; i++)
        {
            var matches = LabelMatches(template, lines[i]);
            for (var m = 0; m < matches.Count; m++)
            {
                var (field, _, valueStart, valueEnd) = matches[m];
                if (found.ContainsKey(field.Field.Name)) continue;
                // The value runs to the next label after it (a field sharing this label starts here too, skip it).
                var end = valueEnd ?? matches.Skip(m + 1).Select(x => x.Start).Where(s => s >= valueStart)
                    .DefaultIfEmpty(lines[i].Text.Length).First();
                var parts = new List<(PageLine Line, int Start, int End)> { (lines[i], valueStart, end) };
                // A long value wraps onto the next lines; it ends at the first line that has a label of its own.
                for (var k = 1; k < field.Field.MaxLines && i + k < lines.Count && end == lines[i].Text.Length; k++)
                {
                    var next = lines[i + k];
                    if (LabelMatches(template, next).Count > 0) break;
                    parts.Add((next, 0, next.Text.Length));
                }
                var value = BuildValue(field, parts, out var confidence);
                if (value is not null) found[field.Field.Name] = new ExtractedField(field.Field.Name, value, confidence);
            }
        }
        var ordered = template.Fields.Where(f => found.ContainsKey(f.Field.Name)).Select(f => found[f.Field.Name]).ToList();
        var missing = template.Fields.Select(f => f.Field.Name).Where(n => !found.ContainsKey(n)).Distinct().ToList();
        return new FieldExtractionResult(type, fromTitle, ordered) { Missing = missing };
    }

    private static string? BuildValue(CompiledField field, List<(PageLine Line, int Start, int End)> parts, out float confidence)
    {
        confidence = 0;
        var text = new StringBuilder();
        var min = float.MaxValue;
        foreach (var (line, start, end) in parts)
        {
            var (s, e) = Trim(line.Text, start, end);
            if (field.ValuePattern is not null)
            {
                var vm = field.ValuePattern.Match(line.Folded[s..e]);
                if (!vm.Success) continue;
                (s, e) = (s + vm.Index, s + vm.Index + vm.Length);
            }
            if (e <= s) continue;
            if (text.Length > 0) text.Append(' ');
            text.Append(line.Text, s, e - s);
            min = Math.Min(min, line.MinConfidence(s, e));
            if (field.ValuePattern is not null) break;
        }
        if (text.Length == 0) return null;
        confidence = min;
        return text.ToString();
    }

    /// <summary>
    /// Drops the separators around a value: spaces, the label's colon, a trailing comma or semicolon, and
    /// the '_' / '.' / '|' Tesseract reads into the wide gap before the next label on the same line
    /// (measured on the bundled scans: "Nam_", "169/2019.").
    /// </summary>
    private static (int, int) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ':' or '.' or ',' or ';' or '-' or '–' or '_' or '|')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '_' or '|' or '.')) end--;
        return (start, end);
    }

    /// <summary>Label hits on a line in reading order; a hit inside a longer hit is dropped ("Số:" inside "Quyển số:").</summary>
    private static List<(CompiledField Field, int Start, int ValueStart, int? ValueEnd)> LabelMatches(CompiledTemplate template, PageLine line)
    {
        var hits = new List<(CompiledField Field, int Start, int End, int ValueStart, int? ValueEnd)>();
        foreach (var field in template.Fields)
        {
            foreach (var label in field.Labels)
            {
                var m = label.Match(line.Folded);
                if (!m.Success) continue;
                var g = m.Groups["value"];
                hits.Add(g.Success ? (field, m.Index, m.Index + m.Length, g.Index, g.Index + g.Length) : (field, m.Index, m.Index + m.Length, m.Index + m.Length, null));
                break;
            }
        }
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<(CompiledField, int, int, int?)>();
        var coveredTo = -1;
        foreach (var h in hits)
        {
            // Two fields may share one label (entry number = result number on a land certificate).
            if (h.End <= coveredTo && !(kept.Count > 0 && kept[^1].Item2 == h.Start)) continue;
            kept.Add((h.Field, h.Start, h.ValueStart, h.ValueEnd));
            coveredTo = Math.Max(coveredTo, h.End);
        }
        return kept;
    }

    private DocumentType? Detect(List<PageLine> lines)
    {
        foreach (var line in lines)
        {
            foreach (var t in _templates)
            {
                if (t.Titles.Any(r => r.IsMatch(line.Folded))) return t.Template.DocumentType;
            }
        }
        return null;
    }

    private static CompiledTemplate Compile(DocumentTemplate t) => new(
        t,
        t.TitlePatterns.Select(CompilePattern).ToList(),
        t.Fields.Select(f => new CompiledField(f, f.Labels.Select(CompilePattern).ToList(),
            f.ValuePattern is null ? null : CompilePattern(f.ValuePattern))).ToList());

    /// <summary>Folds a pattern's Vietnamese letters like the text (ASCII, and so regex syntax, stays) and lets a space match any spacing.</summary>
    private static Regex CompilePattern(string pattern)
    {
        var sb = new StringBuilder(pattern.Length * 2);
        foreach (var c in pattern.Normalize(NormalizationForm.FormC))
        {
            if (c == ' ') sb.Append(@"\s*");
            else sb.Append(c < 128 ? c : TextFold.Fold(c));
        }
        return new Regex(sb.ToString(), Options, RegexTimeout);
    }

    private sealed record CompiledField(TemplateField Field, List<Regex> Labels, Regex? ValuePattern);

    private sealed record CompiledTemplate(DocumentTemplate Template, List<Regex> Titles, List<CompiledField> Fields);
}
