using System.Globalization;
using DataHub.Connectors.Rest;

namespace DataHub.AgencySimulator;

/// <summary>
/// One agency's record store, ordered by (update time, id) as the agencies' own APIs return them.
/// A correction (<see cref="Mutate"/>) rewrites a record and gives it a fresh update time, which moves
/// it to the end: exactly what a late correction looks like to an incremental puller.
/// </summary>
public sealed class SimulatedAgency(string name, List<SimulatedRecord> records, Func<SimulatedRecord, string, SimulatedRecord> correct)
{
    private readonly object _gate = new();
    private readonly List<SimulatedRecord> _records = Sorted(records);

    public string Name { get; } = name;
    public AgencyStats Stats { get; } = new();

    public int Count
    {
        get { lock (_gate) return _records.Count; }
    }

    /// <summary>Records with update time ≥ <paramref name="since"/> (or strictly after the keyset <paramref name="after"/>), from <paramref name="offset"/>.</summary>
    public (List<SimulatedRecord> Page, bool More) Page(string? since, (string Cursor, string Id)? after, long offset, int limit)
    {
        lock (_gate)
        {
            int start;
            if (after is { } key) start = FirstIndex(r => NetworkCursor.Compare(r.UpdatedAt, r.Id, key.Cursor, key.Id) > 0);
            else if (!string.IsNullOrEmpty(since)) start = FirstIndex(r => NetworkCursor.CompareCursor(r.UpdatedAt, since) >= 0);
            else start = 0;
            var from = (int)Math.Min(_records.Count, start + offset);
            var take = Math.Min(limit, _records.Count - from);
            return (_records.GetRange(from, take), from + take < _records.Count);
        }
    }

    /// <summary>Late corrections of <paramref name="count"/> records picked by <paramref name="seed"/>; returns their ids.</summary>
    public IReadOnlyList<string> Mutate(int count, int seed)
    {
        lock (_gate)
        {
            var random = new Random(seed);
            var last = _records.Count == 0 ? DateTimeOffset.UnixEpoch : new DateTimeOffset(_records[^1].UpdatedTicks, TimeSpan.Zero);
            var ids = new List<string>();
            for (var i = 0; i < count && _records.Count > 0; i++)
            {
                var index = random.Next(_records.Count);
                var original = _records[index];
                if (ids.Contains(original.Id)) continue;
                last = last.AddMinutes(1);
                var stamp = last.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss'+07:00'", CultureInfo.InvariantCulture);
                _records.RemoveAt(index);
                _records.Add(correct(original, stamp) with { UpdatedAt = stamp, UpdatedTicks = last.UtcTicks });
                ids.Add(original.Id);
            }
            return ids;
        }
    }

    private int FirstIndex(Func<SimulatedRecord, bool> isAfter)
    {
        int lo = 0, hi = _records.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (isAfter(_records[mid])) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private static List<SimulatedRecord> Sorted(List<SimulatedRecord> records)
    {
        records.Sort((a, b) => NetworkCursor.Compare(a.UpdatedAt, a.Id, b.UpdatedAt, b.Id));
        return records;
    }

    public static long Ticks(string updatedAt) =>
        DateTimeOffset.TryParse(updatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.UtcTicks : 0;
}
