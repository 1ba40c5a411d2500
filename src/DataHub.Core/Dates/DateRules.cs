using System.Globalization;

namespace DataHub.Core.Dates;

/// <summary>
/// Cross-field date checks shared by validators. Each returns a reason to report, or null when the rule holds;
/// "today" is passed in so rules are deterministic and testable.
/// </summary>
public static class DateRules
{
    public static string? CheckNotInFuture(DateOnly d, DateOnly today, string what) =>
        d > today ? $"{what} {Format(d)} is in the future (today is {Format(today)})" : null;

    public static string? CheckNotBefore(DateOnly later, DateOnly earlier, string laterName, string earlierName) =>
        later < earlier ? $"{laterName} {Format(later)} is before {earlierName} {Format(earlier)}" : null;

    // Vietnamese day-first order; invariant culture so the separator is always '/'.
    private static string Format(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
