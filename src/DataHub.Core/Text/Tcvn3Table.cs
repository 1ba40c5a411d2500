namespace DataHub.Core.Text;

/// <summary>
/// TCVN 5712:1993 (the "TCVN3"/ABC code of the <c>.VnTime</c> fonts) as a byte → Unicode table.
/// </summary>
/// <remarks>
/// Generated at development time from glibc: for every byte b, <c>printf '\xb' | iconv -f TCVN5712-1 -t UTF-8</c>
/// (glibc 2.36, Debian 12). Every byte decodes to exactly one code point. Facts worth knowing:
/// <list type="bullet">
/// <item>0x00–0x7F is ASCII except 0x01, 0x02, 0x04–0x06 and 0x11–0x17, which hold capital toned U and Y
/// (Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ) — so a TCVN3 export of an upper-case name can contain C0 control characters.</item>
/// <item>0x80–0x9F and a few C0 slots hold the remaining capital toned vowels (the VN1 extension); classic
/// ABC fonts (VN3) only have lower-case toned letters and the seven capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7.</item>
/// <item>0xB0–0xB4 are the combining tone marks (grave, hook, tilde, acute, dot below). glibc composes
/// base + mark when decoding (<c>a\xB3</c> → á) and never emits them when encoding NFC text: every
/// precomposed Vietnamese letter has its own byte.</item>
/// <item>0xA0 is NBSP and 0xFD is ý in both TCVN3 and cp1252; 0xAD (soft hyphen in cp1252) is ư, so
/// nothing may strip soft hyphens before repair runs.</item>
/// </list>
/// </remarks>
internal static class Tcvn3Table
{
    public const string Decode =
        "\u0000\u00DA\u1EE4\u0003\u1EEA\u1EEC\u1EEE\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" + // 0x00
        "\u0010\u1EE8\u1EF0\u1EF2\u1EF6\u1EF8\u00DD\u1EF4\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" + // 0x10
        "\u0020\u0021\u0022\u0023\u0024\u0025\u0026\u0027\u0028\u0029\u002A\u002B\u002C\u002D\u002E\u002F" + // 0x20
        "\u0030\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039\u003A\u003B\u003C\u003D\u003E\u003F" + // 0x30
        "\u0040\u0041\u0042\u0043\u0044\u0045\u0046\u0047\u0048\u0049\u004A\u004B\u004C\u004D\u004E\u004F" + // 0x40
        "\u0050\u0051\u0052\u0053\u0054\u0055\u0056\u0057\u0058\u0059\u005A\u005B\u005C\u005D\u005E\u005F" + // 0x50
        "\u0060\u0061\u0062\u0063\u0064\u0065\u0066\u0067\u0068\u0069\u006A\u006B\u006C\u006D\u006E\u006F" + // 0x60
        "\u0070\u0071\u0072\u0073\u0074\u0075\u0076\u0077\u0078\u0079\u007A\u007B\u007C\u007D\u007E\u007F" + // 0x70
        "\u00C0\u1EA2\u00C3\u00C1\u1EA0\u1EB6\u1EAC\u00C8\u1EBA\u1EBC\u00C9\u1EB8\u1EC6\u00CC\u1EC8\u0128" + // 0x80
        "\u00CD\u1ECA\u00D2\u1ECE\u00D5\u00D3\u1ECC\u1ED8\u1EDC\u1EDE\u1EE0\u1EDA\u1EE2\u00D9\u1EE6\u0168" + // 0x90
        "\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0" + // 0xA0
        "\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4" + // 0xB0
        "\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD" + // 0xC0
        "\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2" + // 0xD0
        "\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9" + // 0xE0
        "\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0";  // 0xF0

    private static readonly Dictionary<char, byte> s_encode = BuildEncode();

    private static Dictionary<char, byte> BuildEncode()
    {
        var map = new Dictionary<char, byte>(256);
        for (int b = 0; b < 256; b++) map.TryAdd(Decode[b], (byte)b);
        return map;
    }

    public static bool TryEncode(char c, out byte b) => s_encode.TryGetValue(c, out b);
}
