namespace DataHub.Store.Tests;

/// <summary>A clock that moves one second per reading, so every attempt gets a different x-ms-date.</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
