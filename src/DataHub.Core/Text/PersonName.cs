namespace DataHub.Core.Text;

/// <summary>
/// Canonical form of a person's name: <see cref="VietnameseText.Normalize"/> plus title case per syllable
/// ("NGUYỄN văn  an" → "Nguyễn Văn An").
/// </summary>
/// <remarks>
/// Case mapping is culture-invariant (Turkish-I rules must never apply to a Vietnamese name). Per-character
/// invariant case mapping is correct for Vietnamese: Đ/đ and every precomposed vowel (Ễ/ễ, Ự/ự …) are simple
/// one-to-one case pairs and stay NFC. A syllable starts after a space, a hyphen or an apostrophe, so names like
/// "H'Hen Niê" (Ê Đê) keep their inner capital.
/// </remarks>
public static class PersonName
{
    public static string Normalize(string? name)
    {
        string s = VietnameseText.Normalize(name);
        if (s.Length == 0 || IsTitleCase(s)) return s;
        return string.Create(s.Length, s, static (dest, src) =>
        {
            bool start = true;
            for (int i = 0; i < src.Length; i++)
            {
                char c = src[i];
                dest[i] = start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                start = IsSyllableBreak(c);
            }
        });
    }

    private static bool IsSyllableBreak(char c) => c is ' ' or '-' or '\'' or '\u2019';

    private static bool IsTitleCase(string s)
    {
        bool start = true;
        foreach (char c in s)
        {
            if (start ? char.ToUpperInvariant(c) != c : char.ToLowerInvariant(c) != c) return false;
            start = IsSyllableBreak(c);
        }
        return true;
    }
}
