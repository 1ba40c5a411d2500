namespace DataHub.Core.Identity;

/// <summary>
/// A 12-digit personal identification number (số định danh cá nhân). The only key DataHub files
/// documents under. There is no check digit, so validity is: 12 ASCII digits, a known province code,
/// a century/sex digit and birth year that are not in the future, and (when the record states them)
/// agreement with the record's own birth date and sex.
/// </summary>
public readonly record struct CitizenId
{
    public string Value { get; }

    private CitizenId(string value) => Value = value;

    public string ProvinceCode => Value[..3];

    /// <summary>Sex encoded by digit 4 (even = male, odd = female).</summary>
    public Sex Sex => (Value[3] - '0') % 2 == 0 ? Sex.Male : Sex.Female;

    /// <summary>Full birth year: digit 4 gives the century (0/1 → 1900s, 2/3 → 2000s, …), digits 5–6 the year.</summary>
    public int BirthYear => 1900 + (Value[3] - '0') / 2 * 100 + (Value[4] - '0') * 10 + (Value[5] - '0');

    /// <summary>Masks all but the province code and the last two digits, for application logs.</summary>
    public string Masked => Mask(Value);

    public override string ToString() => Value;

    public static string Mask(string? raw) =>
        raw is null || raw.Length < 6 ? "***" : string.Concat(raw.AsSpan(0, 3), new string('*', raw.Length - 5), raw.AsSpan(raw.Length - 2));

    /// <summary>Parses the bare number: format, province and a birth year not after <paramref name="today"/>.</summary>
    public static bool TryParse(string? raw, DateOnly today, out CitizenId id, out string? reason)
    {
        id = default;
        var s = raw?.Trim() ?? "";
        if (s.Length == 0) { reason = "citizen ID is missing"; return false; }
        foreach (var c in s)
        {
            if (c is < '0' or > '9') { reason = $"citizen ID must contain digits only (got '{Mask(s)}')"; return false; }
        }
        if (s.Length != 12)
        {
            reason = s.Length is 9 or 8 or 11
                ? $"citizen ID must have 12 digits; {s.Length} digits looks like a legacy ID card (CMND) number, which is only an alias"
                : $"citizen ID must have 12 digits (got {s.Length})";
            return false;
        }
        if (!ProvinceCodes.IsKnown(s.AsSpan(0, 3))) { reason = $"unknown province code {s[..3]} in citizen ID"; return false; }
        var candidate = new CitizenId(s);
        if (candidate.BirthYear > today.Year)
        {
            reason = $"citizen ID encodes birth year {candidate.BirthYear}, which is in the future";
            return false;
        }
        id = candidate;
        reason = null;
        return true;
    }

    /// <summary>
    /// Checks the ID against what the record itself states. A disagreement is an identity mismatch:
    /// the record must go to review, not be published under someone else's key.
    /// </summary>
    public string? CheckConsistency(DateOnly? birthDate, Sex? sex)
    {
        if (birthDate is { } d && d.Year != BirthYear)
            return $"citizen ID encodes birth year {BirthYear} but the record says {d.Year}";
        if (sex is { } x && x != Sex)
            return $"citizen ID encodes sex {Sex.ToString().ToLowerInvariant()} but the record says {x.ToString().ToLowerInvariant()}";
        return null;
    }

    /// <summary>Builds an ID from known-good digits (tests, generators). Throws on anything invalid.</summary>
    public static CitizenId From(string raw, DateOnly today) =>
        TryParse(raw, today, out var id, out var reason) ? id : throw new FormatException(reason);
}
