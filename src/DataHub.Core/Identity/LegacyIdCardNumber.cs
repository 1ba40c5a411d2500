namespace DataHub.Core.Identity;

/// <summary>
/// A legacy ID card number (CMND): 9 digits (12-digit CMND also existed). Spreadsheets often lost a
/// leading zero, leaving 8 digits. Kept as an alias in a person's identifier history, never as a key.
/// </summary>
public readonly record struct LegacyIdCardNumber(string Value)
{
    public static bool TryParse(string? raw, out LegacyIdCardNumber number, out string? reason)
    {
        number = default;
        var s = raw?.Trim() ?? "";
        if (s.Length == 0 || !s.All(char.IsAsciiDigit)) { reason = "legacy ID card number must contain digits only"; return false; }
        if (s.Length == 8) s = "0" + s; // leading zero lost by a spreadsheet
        if (s.Length != 9) { reason = $"legacy ID card number must have 9 digits (got {s.Length})"; return false; }
        number = new LegacyIdCardNumber(s);
        reason = null;
        return true;
    }

    public override string ToString() => Value;
}
