using System.Globalization;
namespace DataHub.Core.Dates;
// Placeholder until the text branch lands.
public static class VietnameseDate
{
    public static bool TryParse(string? raw, out DateOnly date, out string? reason)
    {
        reason = null;
        if (DateOnly.TryParseExact(raw?.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        reason = $"'{raw}' is not a calendar date";
        return false;
    }
}
