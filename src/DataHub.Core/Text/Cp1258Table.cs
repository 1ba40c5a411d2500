namespace DataHub.Core.Text;

/// <summary>
/// Windows-1258 (Vietnamese ANSI code page) where it differs from cp1252, as a byte → Unicode table.
/// </summary>
/// <remarks>
/// cp1258 keeps most of cp1252 and replaces 14 positions with Ă Đ Ơ Ư ă đ ơ ư ₫ and five combining tone marks
/// (0xCC grave U+0300, 0xEC acute U+0301, 0xDE tilde U+0303, 0xD2 hook U+0309, 0xF2 dot below U+0323). It has
/// no precomposed toned letters beyond the Latin-1 ones it kept, so text is stored base letter + tone mark —
/// glibc's encoder even splits ý, ì, ò, ã that cp1252 would have had. Checked against .NET's
/// CodePagesEncodingProvider in the tests.
/// </remarks>
internal static class Cp1258Table
{
    public static readonly string Decode = Build();

    private static string Build()
    {
        var t = new char[256];
        for (int b = 0; b < 256; b++) t[b] = Windows1252.ToChar((byte)b);
        t[0x8A] = '\u008A'; t[0x8E] = '\u008E'; t[0x9A] = '\u009A'; t[0x9E] = '\u009E'; // undefined in 1258
        t[0xC3] = '\u0102'; t[0xCC] = '\u0300'; t[0xD0] = '\u0110'; t[0xD2] = '\u0309'; t[0xD5] = '\u01A0';
        t[0xDD] = '\u01AF'; t[0xDE] = '\u0303'; t[0xE3] = '\u0103'; t[0xEC] = '\u0301'; t[0xF0] = '\u0111';
        t[0xF2] = '\u0323'; t[0xF5] = '\u01A1'; t[0xFD] = '\u01B0'; t[0xFE] = '\u20AB';
        return new string(t);
    }
}
