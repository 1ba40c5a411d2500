using System.Text;

namespace DataHub.Ocr;

/// <summary>
/// Character error rate: Levenshtein distance between recognized and reference text divided by the
/// reference length, both whitespace-normalized (runs of spaces/newlines become one space) and NFC,
/// because line wrapping and paragraph breaks are layout, not recognition errors.
/// </summary>
public static class CharacterErrorRate
{
    public static double Compute(string reference, string hypothesis)
    {
        var r = NormalizeWhitespace(reference);
        var h = NormalizeWhitespace(hypothesis);
        if (r.Length == 0) return h.Length == 0 ? 0 : 1;
        return (double)Distance(r, h) / r.Length;
    }

    public static string NormalizeWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Levenshtein distance over UTF-16 code units (Vietnamese in NFC is all BMP, one unit per letter).</summary>
    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
