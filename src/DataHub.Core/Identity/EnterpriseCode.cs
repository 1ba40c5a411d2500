namespace DataHub.Core.Identity;

/// <summary>
/// Enterprise code (mã số doanh nghiệp) = tax code: 10 digits whose tenth is a check digit, or 13
/// characters "NNNNNNNNNN-NNN" for a dependent unit.
/// </summary>
public readonly record struct EnterpriseCode(string Value)
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>
    /// The check digit rule, in one place because public validators disagree on the edge cases:
    /// 10 − (Σ Nᵢ·Wᵢ mod 11); a remainder of 0 gives 10 and of 1 gives 9, neither of which a single digit
    /// can hold, so codes with remainder 0 are never issued (no valid check digit) and remainder 1 maps to 9.
    /// </summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (firstNine[i] - '0') * Weights[i];
        var d = 10 - sum % 11;
        return d == 10 ? null : d;
    }

    public static bool TryParse(string? raw, out EnterpriseCode code, out string? reason)
    {
        code = default;
        var s = raw?.Trim() ?? "";
        // A dependent unit's code is written "NNNNNNNNNN-NNN" or, in exports that drop the dash, 13 digits.
        var main = s.Length switch { 14 when s[10] == '-' => s[..10], 13 => s[..10], _ => s };
        var branch = s.Length switch { 14 when s[10] == '-' => s[11..], 13 => s[10..], _ => "" };
        if (main.Length != 10 || main.AsSpan().ContainsAnyExceptInRange('0', '9') || branch.AsSpan().ContainsAnyExceptInRange('0', '9'))
        { reason = "enterprise code must be 10 digits, optionally followed by a 3-digit branch suffix"; return false; }
        if (CheckDigit(main.AsSpan(0, 9)) is not { } check || check != main[9] - '0')
        { reason = "enterprise code check digit does not match"; return false; }
        code = new EnterpriseCode(branch.Length == 0 ? main : main + "-" + branch);
        reason = null;
        return true;
    }

    public override string ToString() => Value;
}
