using System.Text;

namespace DataHub.Ocr.Extraction;

/// <summary>
/// Folds Vietnamese text for label matching: lower case, tone and vowel marks removed, đ → d, one
/// output char per input char. OCR garbles diacritics on labels more often than letters ("Ngay, thang"),
/// and keeping the length lets a match on the folded text cut the value out of the original text.
/// </summary>
internal static class TextFold
{
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++) chars[i] = Fold(text[i]);
        return new string(chars);
    }

    public static char Fold(char c)
    {
        if (c < 128) return char.ToLowerInvariant(c);
        if (c is 'đ' or 'Đ') return 'd';
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
