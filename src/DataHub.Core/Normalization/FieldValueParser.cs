using System.Globalization;
using System.Text;
using DataHub.Core.Dates;
using DataHub.Core.Identity;
using DataHub.Core.Schemas;
using DataHub.Core.Text;

namespace DataHub.Core.Normalization;

/// <summary>
/// Turns one raw field into its normalized JSON value by the field's kind. Returns the value or a
/// reason; records which fields needed a legacy-encoding repair (the ledger keeps that as provenance).
/// </summary>
public static class FieldValueParser
{
    public static object? Parse(FieldKind kind, string raw, DateOnly today, out string? reason, out LegacyEncoding repairedFrom)
    {
        reason = null;
        repairedFrom = LegacyEncoding.None;
        switch (kind)
        {
            case FieldKind.Text:
            case FieldKind.PersonName:
            {
                var repair = LegacyTextRepair.Repair(raw);
                if (repair.Repaired) repairedFrom = repair.DetectedEncoding;
                var text = kind == FieldKind.PersonName ? PersonName.Normalize(repair.Text) : VietnameseText.Normalize(repair.Text);
                if (!LegacyTextRepair.LooksLikeValidVietnamese(text, out var why))
                {
                    reason = $"text is not valid Vietnamese even after legacy-encoding repair ('{Shorten(text)}': {why})";
                    return null;
                }
                return text;
            }
            case FieldKind.Code:
            {
                var code = VietnameseText.Normalize(raw);
                foreach (var c in code)
                {
                    if (char.IsControl(c)) { reason = "contains control characters"; return null; }
                }
                return code;
            }
            case FieldKind.Date:
                if (VietnameseDate.TryParse(raw, out var date, out reason))
                {
                    if (date > today) { reason = $"{date:yyyy-MM-dd} is in the future"; return null; }
                    return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                return null;
            case FieldKind.CitizenId:
                return CitizenId.TryParse(raw, today, out var id, out reason) ? id.Value : null;
            case FieldKind.LegacyIdCard:
                return LegacyIdCardNumber.TryParse(raw, out var cmnd, out reason) ? cmnd.Value : null;
            case FieldKind.EnterpriseCode:
                return EnterpriseCode.TryParse(raw, out var enterprise, out reason) ? enterprise.Value : null;
            case FieldKind.Sex:
                var sex = ParseSex(raw);
                if (sex is null) reason = $"'{Shorten(raw)}' is not a sex (Nam/Nữ)";
                return sex == Sex.Male ? "male" : sex == Sex.Female ? "female" : null;
            case FieldKind.Integer:
                if (TryParseNumber(raw, out var integer) && integer == Math.Floor(integer) && Math.Abs(integer) < 1e15) return (long)integer;
                reason = $"'{Shorten(raw)}' is not a whole number";
                return null;
            case FieldKind.Number:
                if (TryParseNumber(raw, out var number)) return number;
                reason = $"'{Shorten(raw)}' is not a number";
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>
    /// Sex is a closed list, so a one-word legacy-encoded value ("N÷" is TCVN3 for "Nữ"), too short for
    /// detection, can safely be tried in each legacy reading: only a listed word is accepted.
    /// </summary>
    public static Sex? ParseSex(string? raw)
    {
        var text = raw ?? "";
        return SexWord(LegacyTextRepair.Repair(text).Text)
               ?? SexWord(LegacyTextRepair.DecodeAs(text, LegacyEncoding.Tcvn3))
               ?? SexWord(LegacyTextRepair.DecodeAs(text, LegacyEncoding.Vni));
    }

    private static Sex? SexWord(string text) => VietnameseText.Normalize(text).ToLowerInvariant() switch
    {
        "nam" or "male" or "m" or "0" => Sex.Male,
        "nữ" or "nu" or "female" or "f" or "1" => Sex.Female,
        _ => null,
    };

    /// <summary>
    /// Vietnamese writes "1.234,5" (dot thousands, comma decimals); exports also carry "1234.5".
    /// A lone dot followed by exactly three digits groups thousands ("500.000"); otherwise it is a decimal point.
    /// </summary>
    public static bool TryParseNumber(string raw, out double value)
    {
        var s = new StringBuilder();
        foreach (var c in raw.Trim())
        {
            if (char.IsAsciiDigit(c) || c is '.' or ',' or '-') s.Append(c);
            else if (c is ' ' or '\u00a0') continue;
            else if (s.Length > 0) break; // unit suffix such as "m²" or "đồng"
            else { value = 0; return false; }
        }
        var text = s.ToString();
        var hasDot = text.Contains('.');
        var hasComma = text.Contains(',');
        if (hasDot && hasComma) text = text.Replace(".", "").Replace(',', '.');
        else if (hasComma) text = text.Count(c => c == ',') > 1 ? text.Replace(",", "") : text.Replace(',', '.');
        else if (hasDot && System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?\d{1,3}(\.\d{3})+$")) text = text.Replace(".", "");
        return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "…");
}
