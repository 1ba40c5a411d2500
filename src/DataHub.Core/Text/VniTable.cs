namespace DataHub.Core.Text;

/// <summary>
/// VNI-Windows (the code of the "VNI-Times" fonts) as seen through Windows-1252.
/// </summary>
/// <remarks>
/// VNI stores a Vietnamese letter as an ASCII base letter followed by one "mark" byte that adds the tone, or the
/// circumflex/breve with or without a tone ("Nguyễn" = <c>Nguye</c> + 0xE3 → "Nguyeãn"). Six letters have single
/// bytes instead: đ (ñ), ơ (ô), ư (ö), the toned i's (í ì æ ó ò) and ỵ (î), each with an upper-case twin.
/// Source: the VNI-Windows table in xvnkb's <c>vni.h</c> (Dao Hai Lam, 2002,
/// https://github.com/lamdao/xvnkb/blob/master/vni.h) — the same table Unikey and VietKey converters use —
/// cross-checked against the example in the README of the npm package vietnamese-conversion
/// ("Xin chào các bạn" → "Xin chaøo caùc baïn").
/// </remarks>
internal static class VniTable
{
    public enum Quality : byte { None, Circumflex, Breve }

    /// <summary>Mark characters: (as read by cp1252, quality, tone). Upper-case marks follow upper-case bases.</summary>
    private static readonly (char Lower, char Upper, Quality Quality, int Tone)[] s_marks =
    [
        ('ù', 'Ù', Quality.None, VietnameseLetters.Acute),
        ('ø', 'Ø', Quality.None, VietnameseLetters.Grave),
        ('û', 'Û', Quality.None, VietnameseLetters.Hook),
        ('õ', 'Õ', Quality.None, VietnameseLetters.Tilde),
        ('ï', 'Ï', Quality.None, VietnameseLetters.DotBelow),
        ('â', 'Â', Quality.Circumflex, VietnameseLetters.NoTone),
        ('á', 'Á', Quality.Circumflex, VietnameseLetters.Acute),
        ('à', 'À', Quality.Circumflex, VietnameseLetters.Grave),
        ('å', 'Å', Quality.Circumflex, VietnameseLetters.Hook),
        ('ã', 'Ã', Quality.Circumflex, VietnameseLetters.Tilde),
        ('ä', 'Ä', Quality.Circumflex, VietnameseLetters.DotBelow),
        ('ê', 'Ê', Quality.Breve, VietnameseLetters.NoTone),
        ('é', 'É', Quality.Breve, VietnameseLetters.Acute),
        ('è', 'È', Quality.Breve, VietnameseLetters.Grave),
        ('ú', 'Ú', Quality.Breve, VietnameseLetters.Hook),
        ('ü', 'Ü', Quality.Breve, VietnameseLetters.Tilde),
        ('ë', 'Ë', Quality.Breve, VietnameseLetters.DotBelow),
    ];

    /// <summary>Single-byte letters: (as read by cp1252, Unicode letter).</summary>
    private static readonly (char Vni, char Letter)[] s_letters =
    [
        ('ñ', 'đ'), ('Ñ', 'Đ'), ('ô', 'ơ'), ('Ô', 'Ơ'), ('ö', 'ư'), ('Ö', 'Ư'),
        ('í', 'í'), ('Í', 'Í'), ('ì', 'ì'), ('Ì', 'Ì'), ('æ', 'ỉ'), ('Æ', 'Ỉ'),
        ('ó', 'ĩ'), ('Ó', 'Ĩ'), ('ò', 'ị'), ('Ò', 'Ị'), ('î', 'ỵ'), ('Î', 'Ỵ'),
    ];

    // Indexed by the cp1252 character (all VNI specials are in U+00C0..U+00FF).
    private static readonly sbyte[] s_markIndex = new sbyte[0x100];
    private static readonly char[] s_letter = new char[0x100];
    private static readonly Dictionary<char, string> s_encode = new();

    static VniTable()
    {
        Array.Fill(s_markIndex, (sbyte)-1);
        for (int i = 0; i < s_marks.Length; i++) { s_markIndex[s_marks[i].Lower] = (sbyte)i; s_markIndex[s_marks[i].Upper] = (sbyte)i; }
        foreach (var (vni, letter) in s_letters)
        {
            s_letter[vni] = letter;
            s_encode[letter] = vni.ToString();
        }
        // Base + mark sequences for every toned/qualified vowel not covered by a single byte.
        foreach (char baseChar in "aeouyAEOUYôöÔÖ")
        {
            bool upper = char.IsUpper(baseChar);
            char unicodeBase = baseChar switch { 'ô' => 'ơ', 'ö' => 'ư', 'Ô' => 'Ơ', 'Ö' => 'Ư', _ => baseChar };
            foreach (var m in s_marks)
            {
                char? target = Apply(unicodeBase, m.Quality, m.Tone);
                if (target is null) continue;
                s_encode.TryAdd(target.Value, string.Concat(baseChar.ToString(), (upper ? m.Upper : m.Lower).ToString()));
            }
        }
    }

    /// <summary>Unicode letter for a single-byte VNI letter, or '\0'.</summary>
    public static char Letter(char c) => c < 0x100 ? s_letter[c] : '\0';

    public static bool IsMark(char c) => c < 0x100 && s_markIndex[c] >= 0;

    /// <summary>Whether <paramref name="c"/> means something special in VNI (a mark or single-byte letter).</summary>
    public static bool IsSpecial(char c) => c < 0x100 && (s_markIndex[c] >= 0 || s_letter[c] != '\0');

    /// <summary>Applies mark <paramref name="mark"/> to the letter before it; '\0' if VNI would never write that pair.</summary>
    public static char ApplyMark(char previous, char mark)
    {
        var m = s_marks[s_markIndex[mark]];
        return Apply(previous, m.Quality, m.Tone) ?? '\0';
    }

    private static char? Apply(char unicodeBase, Quality quality, int tone)
    {
        char b = unicodeBase;
        if (quality == Quality.Circumflex)
        {
            b = b switch { 'a' => 'â', 'e' => 'ê', 'o' => 'ô', 'A' => 'Â', 'E' => 'Ê', 'O' => 'Ô', _ => '\0' };
        }
        else if (quality == Quality.Breve)
        {
            b = b switch { 'a' => 'ă', 'A' => 'Ă', _ => '\0' };
        }
        else if (b is not ('a' or 'e' or 'o' or 'u' or 'y' or 'ơ' or 'ư' or 'A' or 'E' or 'O' or 'U' or 'Y' or 'Ơ' or 'Ư'))
        {
            return null; // a bare tone mark only follows a plain vowel (i has its own bytes)
        }
        if (b == '\0') return null;
        char composed = VietnameseLetters.Compose(b, tone);
        return composed == '\0' ? null : composed;
    }

    /// <summary>VNI spelling (as cp1252 characters) of a Unicode letter, or null if it is written as itself.</summary>
    public static string? Encode(char c) => s_encode.TryGetValue(c, out var s) ? s : null;
}
