namespace DataHub.Core.Text;

/// <summary>
/// The single-byte view of a string that was produced by reading bytes as Windows-1252. Legacy-encoding
/// repair starts by turning every character back into the byte it was decoded from.
/// </summary>
/// <remarks>
/// Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in cp1252; .NET's decoder (and any Latin-1 reader)
/// turns them into the C1 control with the same number, so C1 controls map back to their own byte. That
/// matters: TCVN3 puts Ả, Ì, Ĩ, Í and Ù on exactly those bytes.
/// </remarks>
internal static class Windows1252
{
    private const string High =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    public static char ToChar(byte b) => b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;

    /// <summary>The byte <paramref name="c"/> was decoded from, or -1 if no single cp1252/Latin-1 byte gives it.</summary>
    public static int ToByte(char c)
    {
        if (c < 0x100) return c;
        return c switch
        {
            '\u20AC' => 0x80, '\u201A' => 0x82, '\u0192' => 0x83, '\u201E' => 0x84, '\u2026' => 0x85,
            '\u2020' => 0x86, '\u2021' => 0x87, '\u02C6' => 0x88, '\u2030' => 0x89, '\u0160' => 0x8A,
            '\u2039' => 0x8B, '\u0152' => 0x8C, '\u017D' => 0x8E, '\u2018' => 0x91, '\u2019' => 0x92,
            '\u201C' => 0x93, '\u201D' => 0x94, '\u2022' => 0x95, '\u2013' => 0x96, '\u2014' => 0x97,
            '\u02DC' => 0x98, '\u2122' => 0x99, '\u0161' => 0x9A, '\u203A' => 0x9B, '\u0153' => 0x9C,
            '\u017E' => 0x9E, '\u0178' => 0x9F,
            _ => -1,
        };
    }
}
