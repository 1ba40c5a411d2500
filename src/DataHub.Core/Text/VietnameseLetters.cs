using System.Text;

namespace DataHub.Core.Text;

/// <summary>
/// Vietnamese letters split into "base letter with its vowel-quality mark" (a ă â e ê i o ô ơ u ư y, đ) and
/// one of the five tones, and composed back. Legacy encodings store exactly these two parts separately, and
/// the syllable check needs the tone apart from the letter.
/// </summary>
/// <remarks>
/// Tables are built once from .NET's own NFC/NFD data, so no hand-typed precomposed characters can be wrong.
/// Lookups are array indexing: O(1), no allocation.
/// </remarks>
internal static class VietnameseLetters
{
    public const int NoTone = 0, Grave = 1, Acute = 2, Hook = 3, Tilde = 4, DotBelow = 5;

    /// <summary>Combining marks by tone number (index 0 unused).</summary>
    public const string ToneMarks = "\0\u0300\u0301\u0309\u0303\u0323";

    /// <summary>Vowel bases, lower case then upper case in the same order.</summary>
    public const string VowelBases = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";

    private const int TableSize = 0x1F00;
    private static readonly char[] s_base = new char[TableSize];   // lower-case base, '\0' = not a Vietnamese letter
    private static readonly byte[] s_tone = new byte[TableSize];
    private static readonly char[] s_compose = new char[VowelBases.Length * 6];

    static VietnameseLetters()
    {
        for (char c = 'a'; c <= 'z'; c++) { s_base[c] = c; s_base[char.ToUpperInvariant(c)] = c; }
        s_base['đ'] = 'đ'; s_base['Đ'] = 'đ';
        for (int v = 0; v < VowelBases.Length; v++)
        {
            char baseChar = VowelBases[v];
            char lower = VowelBases[v % 12];
            for (int t = 0; t <= 5; t++)
            {
                string composed = t == 0 ? baseChar.ToString() : (baseChar.ToString() + ToneMarks[t]).Normalize(NormalizationForm.FormC);
                if (composed.Length != 1) throw new InvalidOperationException($"no precomposed form for {baseChar}+tone {t}");
                char c = composed[0];
                s_compose[v * 6 + t] = c;
                s_base[c] = lower;
                s_tone[c] = (byte)t;
            }
        }
    }

    /// <summary>Lower-case base letter and tone of a precomposed Vietnamese letter (ASCII letters included).</summary>
    public static bool TryDecompose(char c, out char lowerBase, out int tone)
    {
        if (c < TableSize && s_base[c] != '\0') { lowerBase = s_base[c]; tone = s_tone[c]; return true; }
        lowerBase = '\0'; tone = 0;
        return false;
    }

    public static bool IsVietnameseLetter(char c) => c < TableSize && s_base[c] != '\0';

    /// <summary>Tone number of a combining tone mark (also the deprecated U+0340/U+0341 tone marks), or 0.</summary>
    public static int ToneOfCombining(char c) => c switch
    {
        '\u0300' or '\u0340' => Grave,
        '\u0301' or '\u0341' => Acute,
        '\u0309' => Hook,
        '\u0303' => Tilde,
        '\u0323' => DotBelow,
        _ => NoTone,
    };

    /// <summary>Whether <paramref name="c"/> is a combining vowel-quality mark (circumflex, breve, horn).</summary>
    public static bool IsQualityMark(char c) => c is '\u0302' or '\u0306' or '\u031B';

    /// <summary>Applies a combining circumflex/breve/horn to a lower-case base (a + U+0302 → â), or '\0'.</summary>
    public static char ApplyQuality(char lowerBase, char mark) => (lowerBase, mark) switch
    {
        ('a', '\u0302') => 'â', ('e', '\u0302') => 'ê', ('o', '\u0302') => 'ô',
        ('a', '\u0306') => 'ă', ('o', '\u031B') => 'ơ', ('u', '\u031B') => 'ư',
        _ => '\0',
    };

    /// <summary>Composes a vowel base (either case, from <see cref="VowelBases"/>) with a tone, or '\0'.</summary>
    public static char Compose(char vowelBase, int tone)
    {
        int v = VowelBases.IndexOf(vowelBase);
        return v < 0 || (uint)tone > 5 ? '\0' : s_compose[v * 6 + tone];
    }

    /// <summary>The toneless letter of <paramref name="c"/> keeping its case (ễ → ê, Ờ → Ơ), or <paramref name="c"/>.</summary>
    public static char StripTone(char c, out int tone)
    {
        tone = 0;
        if (c >= TableSize || s_base[c] == '\0') return c;
        tone = s_tone[c];
        if (tone == 0) return c;
        char lower = s_base[c];
        bool upper = char.IsUpper(c);
        return upper ? char.ToUpperInvariant(lower) : lower;
    }
}
