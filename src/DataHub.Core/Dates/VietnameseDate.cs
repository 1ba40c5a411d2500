using System.Text.RegularExpressions;
using DataHub.Core.Text;

namespace DataHub.Core.Dates;

/// <summary>
/// Parses the date spellings found in agency records: day-first numeric dates (dd/MM/yyyy, d/M/yyyy with '/', '-'
/// or '.'), ISO dates and timestamps (date part kept), and the written form "ngày 05 tháng 3 năm 2021".
/// </summary>
/// <remarks>
/// Hand-written patterns instead of <c>DateOnly.TryParseExact</c>: no dependence on the server culture, ASCII
/// digits only (<c>\d</c> would accept Arabic-Indic digits), and a precise reason for every rejection so the
/// data-quality report can say what is wrong. Two-digit years are rejected: in birth dates "21" is ambiguous.
/// </remarks>
public static partial class VietnameseDate
{
    /// <summary>Earliest year accepted; older values in these registers are typing errors.</summary>
    public const int MinYear = 1900;

    private static readonly string[] s_months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    [GeneratedRegex(@"^([0-9]{1,2})([/.\-])([0-9]{1,2})\2([0-9]{2,4})(?:\s+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?(?:Z|[+\-][0-9]{2}(?::?[0-9]{2})?)?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^ngày\s*([0-9]{1,2})\s+tháng\s*([0-9]{1,2})\s+năm\s*([0-9]{2,4})\.?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Written();

    /// <summary>
    /// Parses <paramref name="raw"/>; on failure <paramref name="reason"/> says why (e.g. "31/02/2020 is not a
    /// calendar date (February 2020 has 29 days)").
    /// </summary>
    public static bool TryParse(string? raw, out DateOnly date, out string? reason)
    {
        date = default;
        // NFC + whitespace collapse: the written form arrives with NBSPs, double spaces and decomposed "ngày".
        string s = VietnameseText.Normalize(raw);
        if (s.Length == 0) { reason = "date is missing"; return false; }

        // The two spellings nearly every record uses, read without a regex match (its Match and Group
        // objects were a tenth of a sync's allocations); anything else goes through the patterns below.
        if (s.Length == 10 && s[2] is '/' or '.' or '-' && s[5] == s[2] && AllDigits(s, 0, 2) && AllDigits(s, 3, 2) && AllDigits(s, 6, 4))
            return Build(s, 4, Number(s, 6, 4), Number(s, 3, 2), Number(s, 0, 2), out date, out reason);
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s, 0, 4) && AllDigits(s, 5, 2) && AllDigits(s, 8, 2))
            return Build(s, 4, Number(s, 0, 4), Number(s, 5, 2), Number(s, 8, 2), out date, out reason);

        Match m = DayFirst().Match(s);
        if (m.Success)
        {
            return TimeIsValid(s, m.Groups[5], m.Groups[6], m.Groups[7], out reason)
                && Build(s, m.Groups[4].Value, m.Groups[3].Value, m.Groups[1].Value, out date, out reason);
        }
        m = Iso().Match(s);
        if (m.Success)
        {
            return TimeIsValid(s, m.Groups[4], m.Groups[5], m.Groups[6], out reason)
                && Build(s, m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, out date, out reason);
        }
        m = Written().Match(s);
        if (m.Success) return Build(s, m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value, out date, out reason);

        reason = $"'{s}' is not a recognised date (expected dd/MM/yyyy, yyyy-MM-dd or 'ngày dd tháng MM năm yyyy')";
        return false;
    }

    private static bool AllDigits(string s, int start, int count)
    {
        foreach (var c in s.AsSpan(start, count))
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static int Number(string s, int start, int count)
    {
        var n = 0;
        foreach (var c in s.AsSpan(start, count)) n = n * 10 + (c - '0');
        return n;
    }

    private static bool Build(string s, string yearText, string monthText, string dayText, out DateOnly date, out string? reason) =>
        Build(s, yearText.Length, int.Parse(yearText, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(monthText, System.Globalization.CultureInfo.InvariantCulture), int.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture), out date, out reason);

    private static bool Build(string s, int yearDigits, int year, int month, int day, out DateOnly date, out string? reason)
    {
        date = default;
        if (yearDigits != 4)
        {
            reason = $"{s} has a {yearDigits}-digit year; write the year in full (yyyy)";
            return false;
        }
        if (year < MinYear) { reason = $"{s}: year {year} is before {MinYear}"; return false; }
        if (month is < 1 or > 12) { reason = $"{s} is not a calendar date (there is no month {month})"; return false; }
        int days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            reason = day < 1
                ? $"{s} is not a calendar date (there is no day {day})"
                : $"{s} is not a calendar date ({s_months[month - 1]} {year} has {days} days)";
            return false;
        }
        date = new DateOnly(year, month, day);
        reason = null;
        return true;
    }

    private static bool TimeIsValid(string s, Group hour, Group minute, Group second, out string? reason)
    {
        reason = null;
        if (!hour.Success) return true;
        int h = int.Parse(hour.Value, System.Globalization.CultureInfo.InvariantCulture);
        int m = int.Parse(minute.Value, System.Globalization.CultureInfo.InvariantCulture);
        int sec = second.Success ? int.Parse(second.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (h > 23 || m > 59 || sec > 59)
        {
            reason = $"{s} has an impossible time of day";
            return false;
        }
        return true;
    }
}
