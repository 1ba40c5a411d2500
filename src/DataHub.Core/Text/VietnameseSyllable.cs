using System.Collections.Frozen;

namespace DataHub.Core.Text;

/// <summary>
/// Is a word a well-formed Vietnamese syllable (onset + rhyme + at most one tone)? This is the plausibility
/// half of legacy-encoding detection: mojibake words are almost never well-formed syllables, and correctly
/// repaired words almost always are.
/// </summary>
/// <remarks>
/// Orthographic, not lexical: "Nguyễn", "Đường", "khuỷu" pass; "NguyÔn", "Nguyeãn", "Hélène" fail. Extra rules
/// that make it sharp: one tone per syllable; checked endings (-p -t -c -ch -k) take only acute or dot below;
/// gh/ngh only before i e ê; c never before i e ê y. Rhymes with -k (Đắk Lắk) are accepted because official
/// place names use them. Cost: O(length) plus a few frozen-set lookups on spans; no allocation.
/// </remarks>
internal static class VietnameseSyllable
{
    private const int MaxLength = 8; // "nghiêng" is 7 letters

    private static readonly string[] s_onsets =
    [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];

    private static readonly FrozenSet<string> s_rhymes = FrozenSet.ToFrozenSet(
    [
        "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "ak",
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "ăk",
        "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
        "e", "ec", "em", "en", "eng", "eo", "ep", "et",
        "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", "êng",
        "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
        "o", "oc", "oi", "om", "on", "ong", "op", "ot", "ok",
        "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
        "oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet", "ooc", "oong",
        "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ôk",
        "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
        "u", "uc", "ui", "um", "un", "ung", "up", "ut", "uk", "ua",
        "uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ",
        "uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyt", "uyu",
        "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
        "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
        "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
        "y", "yêm", "yên", "yêng", "yêt", "yêu",
        "ynh", "yt", "ych", // after qu: quýnh, quỵt, quých
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_rhymeLookup =
        s_rhymes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True if <paramref name="word"/> (any case, NFC or with combining marks) is a Vietnamese syllable.</summary>
    public static bool IsValid(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxLength * 2) return false;
        Span<char> letters = stackalloc char[MaxLength];
        int n = 0, tone = VietnameseLetters.NoTone, toneAt = -1;
        foreach (char c in word)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                if (n == 0) return false;
                int t = VietnameseLetters.ToneOfCombining(c);
                if (t != 0)
                {
                    if (tone != 0) return false;
                    tone = t;
                    toneAt = n - 1;
                    continue;
                }
                char q = VietnameseLetters.IsQualityMark(c) ? VietnameseLetters.ApplyQuality(letters[n - 1], c) : '\0';
                if (q == '\0') return false;
                letters[n - 1] = q;
                continue;
            }
            if (!VietnameseLetters.TryDecompose(c, out char b, out int t2)) return false;
            if (t2 != 0)
            {
                if (tone != 0) return false;
                tone = t2;
                toneAt = n;
            }
            if (n == MaxLength) return false;
            letters[n++] = b;
        }
        if (tone != 0 && !IsVowel(letters[toneAt])) return false;
        if (tone != 0 && IsToneOnFinalGlide(letters[..n], toneAt)) return false;
        return IsValidToneless(letters[..n], tone);
    }

    private static bool IsVowel(char c) => c is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    /// <summary>
    /// A closing glide (the i/y/o/u after another vowel: tai, tao, tau, tây, tuổi…) never carries the tone, in old or
    /// new tone placement. Exceptions: "uy" (thuỷ, new style) and "gi" + vowel, where the i belongs to the onset
    /// (giò, giũ). This is what rejects cp1258-read-as-1252 words such as "Taò".
    /// </summary>
    private static bool IsToneOnFinalGlide(ReadOnlySpan<char> s, int toneAt)
    {
        int last = s.Length - 1;
        if (toneAt != last || last < 1 || s[last] is not ('i' or 'y' or 'o' or 'u') || !IsVowel(s[last - 1])) return false;
        if (s[last - 1] == 'u' && s[last] == 'y') return false;
        if (last == 2 && s[0] == 'g' && s[1] == 'i') return false;
        return true;
    }

    private static bool IsValidToneless(ReadOnlySpan<char> s, int tone)
    {
        foreach (string onset in s_onsets)
        {
            if (!s.StartsWith(onset, StringComparison.Ordinal)) continue;
            ReadOnlySpan<char> rhyme = s[onset.Length..];
            if (rhyme.IsEmpty) continue;
            char first = rhyme[0];
            if (onset is "gh" or "ngh" && first is not ('i' or 'e' or 'ê')) continue;
            if (onset is "c" && first is 'i' or 'e' or 'ê' or 'y') continue;
            if (onset is "qu" && first is 'u' or 'ư') continue;
            if (onset is "gi" && first is 'i') continue;
            if (!s_rhymeLookup.Contains(rhyme)) continue;
            if (IsChecked(rhyme) && tone is VietnameseLetters.Grave or VietnameseLetters.Hook or VietnameseLetters.Tilde) continue;
            return true;
        }
        return false;
    }

    // Syllables closed by a stop consonant only carry the acute or the dot-below tone.
    private static bool IsChecked(ReadOnlySpan<char> rhyme) =>
        rhyme[^1] is 'p' or 't' or 'c' or 'k' || rhyme.EndsWith("ch", StringComparison.Ordinal);
}
