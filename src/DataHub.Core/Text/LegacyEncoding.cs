namespace DataHub.Core.Text;

/// <summary>The legacy encoding a field was found to be in (and repaired from).</summary>
public enum LegacyEncoding
{
    /// <summary>Nothing legacy found; the text is returned as it was.</summary>
    None = 0,

    /// <summary>TCVN 5712 / TCVN3 / ABC (<c>.VnTime</c> fonts) bytes read as Windows-1252: "NguyÔn".</summary>
    Tcvn3,

    /// <summary>VNI-Windows bytes read as Windows-1252: "Nguyeãn".</summary>
    Vni,

    /// <summary>
    /// Windows-1258 style text: base letter + combining tone mark (decoded as cp1258, or NFD from other
    /// sources), or cp1258 bytes read as Windows-1252 ("NguyêÞn").
    /// </summary>
    Windows1258Decomposed,

    /// <summary>UTF-8 bytes read as Windows-1252 (double-decoded mojibake): "Nguyá»…n".</summary>
    Utf8AsWindows1252,

    /// <summary>
    /// VISCII (RFC 1456) bytes read as Windows-1252. Never detected per field (indistinguishable from TCVN3 on short
    /// fields); repaired only through <see cref="LegacyTextRepair.DecodeAs"/> for sources known to use it.
    /// </summary>
    Viscii,
}
