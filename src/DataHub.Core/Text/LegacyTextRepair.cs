using System.Text;

namespace DataHub.Core.Text;

/// <summary>
/// Detects and repairs Vietnamese text that went through a legacy encoding and was then read with the wrong one:
/// TCVN3/ABC or VNI bytes read as Windows-1252, Windows-1258 decomposed text, and UTF-8 read as Windows-1252.
/// Works per field; run it before <see cref="VietnameseText.Normalize"/> (which strips the control characters
/// and soft hyphens that TCVN3 uses for letters).
/// </summary>
/// <remarks>
/// <para>Detection is a scoring, not a lookup: each candidate decoding is applied to the field and the words it
/// changes are checked as Vietnamese syllables (<see cref="VietnameseSyllable"/>). A candidate wins only if it
/// turns non-syllables into syllables and breaks (almost) nothing — see <see cref="CandidateScore"/>. Ordinary
/// Unicode Vietnamese, English, numbers and codes therefore come back untouched.</para>
/// <para>Cost: text that is printable ASCII is rejected by one vectorised scan. Text with any character outside
/// cp1252 (ă đ ơ ư ạ … — i.e. almost all real Unicode Vietnamese) is rejected after one more linear scan. Both
/// paths allocate nothing. Only fields made entirely of cp1252 characters with some non-ASCII ones are scored,
/// O(n) per candidate (four candidates), still without heap allocation unless a repair is made.</para>
/// </remarks>
public static class LegacyTextRepair
{
    private enum Shape { Clean, Decomposed, Unicode, Cp1252Only }

    public static RepairResult Repair(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new RepairResult(text ?? "", LegacyEncoding.None, false);
        switch (Classify(text))
        {
            case Shape.Clean:
            case Shape.Unicode:
                return new RepairResult(text, LegacyEncoding.None, false);
            case Shape.Decomposed:
            {
                string composed = LegacyDecoders.Compose(text);
                return composed == text
                    ? new RepairResult(text, LegacyEncoding.None, false)
                    : new RepairResult(composed, LegacyEncoding.Windows1258Decomposed, true);
            }
        }

        // Only cp1252 characters, some of them non-ASCII: every legacy reading is possible.
        string? utf8 = LegacyDecoders.TryDecodeUtf8(text);
        if (utf8 is not null && utf8 != text) return new RepairResult(utf8, LegacyEncoding.Utf8AsWindows1252, true);

        Span<(LegacyEncoding Encoding, CandidateScore Score)> candidates =
        [
            (LegacyEncoding.Tcvn3, LegacyDecoders.ScoreTable(text, Tcvn3Table.Decode)),
            (LegacyEncoding.Vni, LegacyDecoders.ScoreVni(text)),
            (LegacyEncoding.Windows1258Decomposed, LegacyDecoders.ScoreTable(text, Cp1258Table.Decode)),
        ];
        int best = -1, second = -1;
        for (int i = 0; i < candidates.Length; i++)
        {
            if (!candidates[i].Score.Accepted) continue;
            if (best < 0 || candidates[i].Score.CompareTo(candidates[best].Score) > 0) { second = best; best = i; }
            else if (second < 0 || candidates[i].Score.CompareTo(candidates[second].Score) > 0) second = i;
        }
        if (best < 0) return new RepairResult(text, LegacyEncoding.None, false);

        string repaired = Decode(candidates[best].Encoding, text);
        // Two readings that explain the field equally well but disagree: guessing would silently corrupt data, so
        // the field is left as it is and the quarantine check (LooksLikeValidVietnamese) catches it.
        if (second >= 0 && candidates[second].Score.CompareTo(candidates[best].Score) == 0
            && Decode(candidates[second].Encoding, text) != repaired)
        {
            return new RepairResult(text, LegacyEncoding.None, false);
        }
        return repaired == text
            ? new RepairResult(text, LegacyEncoding.None, false)
            : new RepairResult(repaired, candidates[best].Encoding, true);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> as <paramref name="encoding"/>-bytes-read-as-Windows-1252 without any
    /// detection, for sources whose encoding is known (configured per agency export). This is the only way to
    /// repair VISCII: per field it cannot be told apart from TCVN3 (both put toned letters on the same Latin-1
    /// faces; "L©m" is "Lâm" in TCVN3 and "Lẹm" in VISCII).
    /// </summary>
    public static string DecodeAs(string text, LegacyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        return encoding == LegacyEncoding.Utf8AsWindows1252 ? LegacyDecoders.TryDecodeUtf8(text) ?? text : Decode(encoding, text);
    }

    private static string Decode(LegacyEncoding encoding, string text) => encoding switch
    {
        LegacyEncoding.Tcvn3 => LegacyDecoders.DecodeTable(text, Tcvn3Table.Decode, restoreCapitals: true),
        LegacyEncoding.Vni => LegacyDecoders.DecodeVni(text),
        LegacyEncoding.Windows1258Decomposed => LegacyDecoders.DecodeTable(text, Cp1258Table.Decode, restoreCapitals: false),
        LegacyEncoding.Viscii => LegacyDecoders.DecodeTable(text, VisciiTable.Decode, restoreCapitals: false),
        LegacyEncoding.None => text,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    // TCVN3 and VISCII keep a few capital letters on C0 control codes.
    private static bool IsLegacyControlLetter(char c) =>
        c is '\u0001' or '\u0002' or (>= '\u0004' and <= '\u0006') or (>= '\u0011' and <= '\u0017') or '\u0019' or '\u001E';

    private static Shape Classify(string text)
    {
        ReadOnlySpan<char> s = text;
        int first = TextScan.IndexOfNonPrintableAscii(s);
        if (first < 0) return Shape.Clean;
        bool high = false, combining = false;
        for (int i = first; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= ' ' and <= '~') continue;
            if (c is >= '\u0300' and <= '\u036F') { combining = true; continue; }
            if (c < ' ') { high |= IsLegacyControlLetter(c); continue; }
            if (Windows1252.ToByte(c) < 0)
            {
                // Real Unicode: no cp1252 reading is possible any more; only combining marks still matter.
                return combining || TextScan.IndexOfCombiningMark(s[i..]) >= 0 ? Shape.Decomposed : Shape.Unicode;
            }
            high = true;
        }
        if (combining) return Shape.Decomposed;
        return high ? Shape.Cp1252Only : Shape.Clean;
    }

    /// <summary>Whether the text reads as valid Vietnamese (or neutral ASCII); see the overload for the reason.</summary>
    public static bool LooksLikeValidVietnamese(string? text) => LooksLikeValidVietnamese(text, out _);

    /// <summary>
    /// Quarantine check for text that is still garbage after <see cref="Repair"/>: replacement characters (bytes lost
    /// in decoding), control and private-use characters (legacy font codes), UTF-8-read-as-cp1252 sequences
    /// ("Ã©", "á»…", "Ä‘"), or words with non-ASCII letters that are not Vietnamese syllables (leftover TCVN3/VNI
    /// bytes). ASCII words are neutral (English, codes, unaccented names). One odd word per four good ones is
    /// tolerated, so a single foreign name in a long address passes but a field that is one odd word does not.
    /// </summary>
    public static bool LooksLikeValidVietnamese(string? text, out string? reason)
    {
        reason = null;
        if (string.IsNullOrEmpty(text)) return true;
        ReadOnlySpan<char> s = text;
        if (TextScan.IndexOfNonPrintableAscii(s) < 0) return true;

        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\uFFFD') { reason = "contains U+FFFD replacement characters (bytes were lost when the text was decoded)"; return false; }
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F')
            {
                reason = $"contains control character U+{(int)c:X4}";
                return false;
            }
            if (c is >= '\uE000' and <= '\uF8FF') { reason = $"contains private-use character U+{(int)c:X4} (a legacy font code)"; return false; }
            if (i + 1 < s.Length && IsUtf8MojibakePair(c, s[i + 1]))
            {
                reason = $"contains \"{c}{s[i + 1]}\", typical of UTF-8 text read as Windows-1252";
                return false;
            }
        }

        int valid = 0, invalid = 0;
        int badStart = 0, badLength = 0;
        for (int i = 0; i < s.Length;)
        {
            if (!IsWordChar(s[i])) { i++; continue; }
            int start = i;
            bool ascii = true, letter = false;
            while (i < s.Length && IsWordChar(s[i]))
            {
                ascii &= s[i] < 0x80;
                letter |= char.IsLetter(s[i++]);
            }
            if (ascii || !letter) continue;
            if (VietnameseSyllable.IsValid(s[start..i])) valid++;
            else
            {
                if (invalid++ == 0) { badStart = start; badLength = i - start; }
            }
        }
        if (invalid > 0 && invalid * 4 > valid)
        {
            reason = $"\"{text.Substring(badStart, badLength)}\" is not a Vietnamese syllable ({invalid} such word(s), {valid} valid)";
            return false;
        }
        return true;
    }

    // Latin-1 symbols count as word characters so that leftover legacy bytes glued to letters ("Ph¹m", "H÷u")
    // make their word invalid instead of splitting it into harmless ASCII pieces.
    private static bool IsWordChar(char c) => char.IsLetter(c) || c is >= '\u0300' and <= '\u036F'
        or (>= '\u00A1' and <= '\u00BF') or '\u00D7' or '\u00F7'
        or '\u20AC' or '\u201A' or '\u201E' or '\u2020' or '\u2021' or '\u02C6' or '\u2030' or '\u2039' or '\u02DC'
        or '\u2122' or '\u203A'; // cp1252's 0x80–0x9F symbols, where TCVN3 keeps its capital toned vowels

    // Â Ã Ä Å Æ are the cp1252 faces of UTF-8 lead bytes C2–C6 (Latin-1 supplement, Latin Extended-A/B: đ ơ ư ĩ ũ),
    // Ì of CC (combining tone marks); "á" + "º"/"»" is the lead E1 BA/BB of every precomposed Vietnamese letter.
    // Their continuation bytes (0x80–0xBF) read as cp1252 symbols, never as Vietnamese letters. NBSP (0xA0) only
    // counts after Â: "Â" cannot end a Vietnamese syllable, while "NGÃ" + NBSP is legitimate text.
    private static bool IsUtf8MojibakePair(char lead, char next)
    {
        int b = Windows1252.ToByte(next);
        if (b is < 0x80 or > 0xBF) return false;
        if (lead == '\u00C2') return true;
        if (lead is >= '\u00C3' and <= '\u00C6' or '\u00CC') return b != 0xA0;
        if (lead == '\u00E1') return next is '\u00BA' or '\u00BB';
        return false;
    }

    /// <summary>
    /// The inverse of TCVN3 repair: encodes Unicode text with the TCVN3 table and reads the bytes as Windows-1252, as
    /// a legacy export viewed by a modern tool would. Used to generate realistic broken samples. Characters TCVN3
    /// cannot hold become '?', as legacy converters did.
    /// </summary>
    public static string EncodeAsTcvn3Mojibake(string unicode)
    {
        ArgumentNullException.ThrowIfNull(unicode);
        string s = unicode.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (Tcvn3Table.TryEncode(c, out byte b)) { sb.Append(Windows1252.ToChar(b)); continue; }
            char bare = VietnameseLetters.StripTone(c, out int tone);
            if (tone != 0 && Tcvn3Table.TryEncode(bare, out byte bb) && Tcvn3Table.TryEncode(VietnameseLetters.ToneMarks[tone], out byte tb))
            {
                sb.Append(Windows1252.ToChar(bb)).Append(Windows1252.ToChar(tb));
                continue;
            }
            sb.Append('?');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The inverse of VNI repair: VNI-Windows spelling of the text, as cp1252 characters ("Nguyễn" → "Nguyeãn").
    /// Characters that VNI cannot hold (or would read back as something else, such as ñ = đ) become '?'.
    /// </summary>
    public static string EncodeAsVniMojibake(string unicode)
    {
        ArgumentNullException.ThrowIfNull(unicode);
        string s = unicode.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length + s.Length / 2);
        foreach (char c in s)
        {
            string? vni = VniTable.Encode(c);
            if (vni is not null) sb.Append(vni);
            else if (c < 0x80 || (Windows1252.ToByte(c) >= 0 && !VniTable.IsSpecial(c) && c is not (>= '\u0080' and <= '\u009F'))) sb.Append(c);
            else sb.Append('?');
        }
        return sb.ToString();
    }
}
