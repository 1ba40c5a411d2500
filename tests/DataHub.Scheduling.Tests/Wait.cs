namespace DataHub.Scheduling.Tests;

/// <summary>Bounded waiting for an outcome (never a timing assertion: the bound only keeps a broken run from hanging).</summary>
public static class Wait
{
    public static async Task<T> For<T>(Func<T?> probe, TimeSpan timeout, string what, Func<string>? diagnostics = null) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up after {timeout.TotalSeconds:0} s waiting for {what}{(diagnostics is null ? "" : Environment.NewLine + diagnostics())}");
            await Task.Delay(250);
        }
    }

    public static Task Until(Func<bool> condition, TimeSpan timeout, string what, Func<string>? diagnostics = null) =>
        For(() => condition() ? "" : null, timeout, what, diagnostics);
}
