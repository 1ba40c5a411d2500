namespace DataHub.Core.Text;

/// <summary>
/// VISCII (RFC 1456), the 8-bit Vietnamese code of older Unix and DOS software, as a byte → Unicode table.
/// </summary>
/// <remarks>
/// Generated at development time from glibc: <c>printf '\xb' | iconv -f VISCII -t UTF-8</c> for every byte. VISCII
/// keeps the Latin-1 letters Vietnamese uses (À Á Â Ã È É Ê Ì Í Ò Ó Ô Ù Ú Ý and lower case) at their Latin-1
/// positions, puts the other 134 − 30 letters in 0x80–0xFF and six capitals (Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ) in C0 controls
/// 0x02, 0x05, 0x06, 0x14, 0x19, 0x1E. Because of that Latin-1 overlap a VISCII field read as cp1252 is, field by
/// field, as plausible as TCVN3: tried as a detection candidate it made 18 of 240 TCVN3 test fields ambiguous, so
/// it is only used when the caller names the encoding.
/// </remarks>
internal static class VisciiTable
{
    public const string Decode =
        "\u0000\u0001\u1EB2\u0003\u0004\u1EB4\u1EAA\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" + // 0x00
        "\u0010\u0011\u0012\u0013\u1EF6\u0015\u0016\u0017\u0018\u1EF8\u001A\u001B\u001C\u001D\u1EF4\u001F" + // 0x10
        "\u0020\u0021\u0022\u0023\u0024\u0025\u0026\u0027\u0028\u0029\u002A\u002B\u002C\u002D\u002E\u002F" + // 0x20
        "\u0030\u0031\u0032\u0033\u0034\u0035\u0036\u0037\u0038\u0039\u003A\u003B\u003C\u003D\u003E\u003F" + // 0x30
        "\u0040\u0041\u0042\u0043\u0044\u0045\u0046\u0047\u0048\u0049\u004A\u004B\u004C\u004D\u004E\u004F" + // 0x40
        "\u0050\u0051\u0052\u0053\u0054\u0055\u0056\u0057\u0058\u0059\u005A\u005B\u005C\u005D\u005E\u005F" + // 0x50
        "\u0060\u0061\u0062\u0063\u0064\u0065\u0066\u0067\u0068\u0069\u006A\u006B\u006C\u006D\u006E\u006F" + // 0x60
        "\u0070\u0071\u0072\u0073\u0074\u0075\u0076\u0077\u0078\u0079\u007A\u007B\u007C\u007D\u007E\u007F" + // 0x70
        "\u1EA0\u1EAE\u1EB0\u1EB6\u1EA4\u1EA6\u1EA8\u1EAC\u1EBC\u1EB8\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1ED0" + // 0x80
        "\u1ED2\u1ED4\u1ED6\u1ED8\u1EE2\u1EDA\u1EDC\u1EDE\u1ECA\u1ECE\u1ECC\u1EC8\u1EE6\u0168\u1EE4\u1EF2" + // 0x90
        "\u00D5\u1EAF\u1EB1\u1EB7\u1EA5\u1EA7\u1EA9\u1EAD\u1EBD\u1EB9\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1ED1" + // 0xA0
        "\u1ED3\u1ED5\u1ED7\u1EE0\u01A0\u1ED9\u1EDD\u1EDF\u1ECB\u1EF0\u1EE8\u1EEA\u1EEC\u01A1\u1EDB\u01AF" + // 0xB0
        "\u00C0\u00C1\u00C2\u00C3\u1EA2\u0102\u1EB3\u1EB5\u00C8\u00C9\u00CA\u1EBA\u00CC\u00CD\u0128\u1EF3" + // 0xC0
        "\u0110\u1EE9\u00D2\u00D3\u00D4\u1EA1\u1EF7\u1EEB\u1EED\u00D9\u00DA\u1EF9\u1EF5\u00DD\u1EE1\u01B0" + // 0xD0
        "\u00E0\u00E1\u00E2\u00E3\u1EA3\u0103\u1EEF\u1EAB\u00E8\u00E9\u00EA\u1EBB\u00EC\u00ED\u0129\u1EC9" + // 0xE0
        "\u0111\u1EF1\u00F2\u00F3\u00F4\u00F5\u1ECF\u1ECD\u1EE5\u00F9\u00FA\u0169\u1EE7\u00FD\u1EE3\u1EEE";  // 0xF0
}
