using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace DataHub.Core.Text;

/// <summary>
/// The candidate decodings tried by <see cref="LegacyTextRepair"/>: score a field under each, and decode it.
/// </summary>
/// <remarks>
/// Scoring walks the text once, tokenising into words and checking the changed ones with
/// <see cref="VietnameseSyllable"/>: O(n) with small stack buffers, no heap allocation. Decoding allocates the
/// result string and is only run for the accepted candidate.
/// </remarks>
internal static class LegacyDecoders
{
    private const int MaxWord = 32; // longer "words" cannot be syllables; they are scored without decoding

    // ---- single-byte table decodings (TCVN3, cp1258): one cp1252 char → one Unicode char ----

    private static bool IsTableTokenChar(char c, string table)
    {
        int b = Windows1252.ToByte(c);
        if (b < 0) return false;
        char d = table[b];
        return char.IsLetter(d) || d is >= '\u0300' and <= '\u036F';
    }

    public static CandidateScore ScoreTable(ReadOnlySpan<char> text, string table)
    {
        int good = 0, bad = 0, neutral = 0;
        Span<char> dec = stackalloc char[MaxWord];
        for (int i = 0; i < text.Length;)
        {
            if (!IsTableTokenChar(text[i], table)) { i++; continue; }
            int start = i;
            while (i < text.Length && IsTableTokenChar(text[i], table)) i++;
            ReadOnlySpan<char> word = text[start..i];
            bool changed = false;
            int n = Math.Min(word.Length, MaxWord);
            for (int k = 0; k < word.Length; k++)
            {
                char d = table[Windows1252.ToByte(word[k])];
                changed |= d != word[k];
                if (k < n) dec[k] = d;
            }
            if (!changed) continue;
            Classify(word, word.Length > MaxWord ? [] : dec[..n], ref good, ref bad, ref neutral);
        }
        return new CandidateScore(good, bad, neutral);
    }

    public static string DecodeTable(string text, string table, bool restoreCapitals)
    {
        char[]? rented = null;
        Span<char> buf = text.Length <= 256 ? stackalloc char[text.Length] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        for (int i = 0; i < text.Length; i++)
        {
            int b = Windows1252.ToByte(text[i]);
            buf[i] = b < 0 ? text[i] : table[b]; // DecodeAs may get characters no cp1252 byte gives: keep them
        }
        if (restoreCapitals) RestoreCapitals(text, buf[..text.Length]);
        string result = Compose(buf[..text.Length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary>
    /// ABC users typed all-caps text in the <c>.VnTimeH</c> fonts, which draw capitals at the lower-case codes, so
    /// "NGUYỄN VĂN ĐƯỢC" is stored as "NGUYÔN V¨N ®­îC": ASCII capitals with lower-case toned letters. If every
    /// ASCII letter of the field is a capital and some capital stands inside a word (so it is not just title case,
    /// like "Hå Lª" = "Hồ Lê"), the whole decoded field is upper-cased.
    /// </summary>
    private static void RestoreCapitals(string original, Span<char> decoded)
    {
        int upper = 0;
        bool insideWord = false;
        for (int i = 0; i < original.Length; i++)
        {
            char o = original[i];
            if (o is >= 'a' and <= 'z') return;
            if (o is >= 'A' and <= 'Z')
            {
                upper++;
                insideWord |= i > 0 && char.IsLetter(decoded[i - 1]);
            }
        }
        if (upper < 2 || !insideWord) return;
        for (int i = 0; i < decoded.Length; i++) decoded[i] = char.ToUpperInvariant(decoded[i]);
    }

    // ---- VNI: base letter + trailing mark ----

    private static bool IsVniTokenChar(char c) => char.IsAsciiLetter(c) || VniTable.IsSpecial(c);

    /// <summary>Decodes one VNI word; false if it contains a mark VNI could not have written there.</summary>
    private static bool TryDecodeVniWord(ReadOnlySpan<char> word, Span<char> dest, out int length)
    {
        length = 0;
        bool lastMarked = true; // nothing to attach a mark to yet
        foreach (char c in word)
        {
            if (VniTable.IsMark(c))
            {
                if (lastMarked) return false;
                char r = VniTable.ApplyMark(dest[length - 1], c);
                if (r == '\0') return false;
                dest[length - 1] = r;
                lastMarked = true;
                continue;
            }
            char letter = VniTable.Letter(c);
            dest[length++] = letter != '\0' ? letter : c;
            lastMarked = letter is not ('\0' or 'ơ' or 'ư' or 'Ơ' or 'Ư'); // ơ/ư still take a tone mark
        }
        return true;
    }

    public static CandidateScore ScoreVni(ReadOnlySpan<char> text)
    {
        int good = 0, bad = 0, neutral = 0;
        Span<char> dec = stackalloc char[MaxWord];
        for (int i = 0; i < text.Length;)
        {
            if (!IsVniTokenChar(text[i])) { i++; continue; }
            int start = i;
            bool special = false;
            while (i < text.Length && IsVniTokenChar(text[i])) special |= VniTable.IsSpecial(text[i++]);
            if (!special) continue;
            ReadOnlySpan<char> word = text[start..i];
            if (word.Length > MaxWord || !TryDecodeVniWord(word, dec, out int n)) { bad++; continue; }
            if (dec[..n].SequenceEqual(word)) continue; // í ì are themselves in VNI
            Classify(word, dec[..n], ref good, ref bad, ref neutral);
        }
        return new CandidateScore(good, bad, neutral);
    }

    public static string DecodeVni(string text)
    {
        var sb = new StringBuilder(text.Length);
        Span<char> dec = stackalloc char[MaxWord];
        for (int i = 0; i < text.Length;)
        {
            if (!IsVniTokenChar(text[i])) { sb.Append(text[i++]); continue; }
            int start = i;
            while (i < text.Length && IsVniTokenChar(text[i])) i++;
            ReadOnlySpan<char> word = text.AsSpan(start, i - start);
            if (word.Length <= MaxWord && TryDecodeVniWord(word, dec, out int n)) sb.Append(dec[..n]);
            else sb.Append(word); // leave a word VNI cannot explain as it was (scoring allowed at most a few)
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    // ---- UTF-8 read as cp1252 ----

    /// <summary>
    /// Re-encodes the text as the cp1252 bytes it was read from and decodes them as strict UTF-8. Reliable because
    /// valid multi-byte UTF-8 needs a lead letter (Â–ï…) followed by cp1252 symbols (€ ‚ … ¡–¿), which real text
    /// almost never has; the result must also consist of letters and punctuation a Vietnamese record can hold.
    /// </summary>
    public static string? TryDecodeUtf8(string text)
    {
        byte[]? rentedBytes = null;
        char[]? rentedChars = null;
        try
        {
            Span<byte> bytes = text.Length <= 256 ? stackalloc byte[text.Length] : (rentedBytes = ArrayPool<byte>.Shared.Rent(text.Length));
            bool high = false;
            for (int i = 0; i < text.Length; i++)
            {
                int b = Windows1252.ToByte(text[i]);
                if (b < 0) return null;
                bytes[i] = (byte)b;
                high |= b >= 0x80;
            }
            if (!high) return null;
            Span<char> chars = text.Length <= 256 ? stackalloc char[text.Length] : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
            var status = Utf8.ToUtf16(bytes[..text.Length], chars, out _, out int written, replaceInvalidSequences: false);
            if (status != System.Buffers.OperationStatus.Done) return null;
            foreach (char c in chars[..written])
            {
                if (c < 0x80 || c is >= '\u00A0' and <= '\u00FF' || VietnameseLetters.IsVietnameseLetter(c)
                    || c is >= '\u0300' and <= '\u036F' || c is >= '\u2010' and <= '\u2026' || c is '\u20AB' or '\u20AC')
                {
                    continue;
                }
                return null;
            }
            return Compose(chars[..written]);
        }
        finally
        {
            if (rentedBytes is not null) ArrayPool<byte>.Shared.Return(rentedBytes);
            if (rentedChars is not null) ArrayPool<char>.Shared.Return(rentedChars);
        }
    }

    // ---- decomposed (cp1258 / NFD) ----

    /// <summary>
    /// NFC-composes decomposed text, first fixing a cp1258-era habit NFC cannot undo: a tone mark typed before the
    /// circumflex/breve/horn ("e" U+0301 U+0302). Both marks have combining class 230, so NFC keeps their order and
    /// would leave "é" + stray circumflex; swapping gives "ế".
    /// </summary>
    public static string Compose(ReadOnlySpan<char> text)
    {
        int swap = -1;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (VietnameseLetters.ToneOfCombining(text[i]) != 0 && VietnameseLetters.IsQualityMark(text[i + 1])) { swap = i; break; }
        }
        if (swap < 0) return text.ToString().Normalize(NormalizationForm.FormC);
        char[] copy = text.ToArray();
        for (int i = swap; i + 1 < copy.Length; i++)
        {
            if (VietnameseLetters.ToneOfCombining(copy[i]) != 0 && VietnameseLetters.IsQualityMark(copy[i + 1]))
            {
                (copy[i], copy[i + 1]) = (copy[i + 1], copy[i]);
                i++;
            }
        }
        return new string(copy).Normalize(NormalizationForm.FormC);
    }

    private static void Classify(ReadOnlySpan<char> original, ReadOnlySpan<char> decoded, ref int good, ref int bad, ref int neutral)
    {
        if (decoded.IsEmpty || !VietnameseSyllable.IsValid(decoded)) { bad++; return; }
        if (VietnameseSyllable.IsValid(original)) { neutral++; return; } // valid either way: no evidence
        int letters = 0;
        foreach (char c in decoded) if (c is not (>= '\u0300' and <= '\u036F')) letters++;
        if (letters >= 2) good++; // a lone "©" → "â" is not evidence of anything
    }
}
