using System.Buffers;
using System.Text;

namespace DataHub.Core.Text;

/// <summary>
/// Canonical form for free-text fields: NFC, trimmed, whitespace runs collapsed to one space, control and invisible
/// format characters removed. Runs on every text field of every record, so the common case — already clean —
/// must cost one scan and no allocation.
/// </summary>
/// <remarks>
/// Run <see cref="LegacyTextRepair.Repair"/> first: TCVN3 text uses C0 controls and the soft hyphen for letters,
/// which this method deletes.
/// </remarks>
public static class VietnameseText
{
    private const int StackLimit = 256;

    /// <summary>
    /// Normalises <paramref name="text"/>; null becomes "". Returns the same instance when nothing changes.
    /// O(n); allocates only when the text changes.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsClean(text)) return text;

        string source = IsSurelyNfc(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        char[]? rented = null;
        Span<char> buf = source.Length <= StackLimit ? stackalloc char[source.Length] : (rented = ArrayPool<char>.Shared.Rent(source.Length));
        int n = 0;
        bool pendingSpace = false;
        foreach (char c in source)
        {
            if (IsInvisible(c)) continue; // dropped, not turned into a space: a ZWSP inside a word must not split it
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = n > 0;
                continue;
            }
            if (char.IsControl(c)) continue;
            if (pendingSpace) { buf[n++] = ' '; pendingSpace = false; }
            buf[n++] = c;
        }
        string result = buf[..n].SequenceEqual(source) ? source : new string(buf[..n]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>True if the text needs no change at all (the fast path).</summary>
    private static bool IsClean(string text)
    {
        ReadOnlySpan<char> s = text;
        if (s[0] == ' ' || s[^1] == ' ') return false;
        // Printable ASCII: only double spaces can be wrong. Vectorised search.
        int i = TextScan.IndexOfNonPrintableAscii(s);
        if (i < 0) return !s.Contains("  ", StringComparison.Ordinal);
        if (s[..i].Contains("  ", StringComparison.Ordinal)) return false;
        bool nfcSafe = true;
        for (char prev = i > 0 ? s[i - 1] : 'x'; i < s.Length; prev = s[i], i++)
        {
            char c = s[i];
            if (c == ' ')
            {
                if (prev == ' ') return false;
                continue;
            }
            if (c < ' ' || IsInvisible(c) || char.IsWhiteSpace(c) || char.IsControl(c)) return false;
            nfcSafe &= IsSurelyNfc(c);
        }
        return nfcSafe || text.IsNormalized(NormalizationForm.FormC);
    }

    /// <summary>
    /// Characters below U+0300 and in Latin Extended Additional (U+1E00–U+1EFF, all precomposed Vietnamese
    /// letters) are NFC by themselves and cannot combine with a neighbour unless a combining mark follows, which is
    /// itself outside these ranges. Verified for every such character by a test. Lets the common case skip ICU:
    /// <c>string.IsNormalized</c> allocates (~96 bytes per call on .NET 10) for text outside these ranges.
    /// </summary>
    private static bool IsSurelyNfc(char c) => c < '\u0300' || c is >= '\u1E00' and <= '\u1EFF';

    private static bool IsSurelyNfc(string s)
    {
        foreach (char c in s) if (!IsSurelyNfc(c)) return false;
        return true;
    }

    /// <summary>Zero-width and bidi format characters that copy-paste leaves in fields; they carry no text.</summary>
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u180E' or (>= '\u200B' and <= '\u200F')
        or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064') or '\uFEFF';
}
