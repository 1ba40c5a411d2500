using System.Globalization;
using System.Text;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// Partition <see cref="Index"/> of <see cref="Count"/>: the source units whose stable hash of the unit name
/// falls in it. The hash is FNV-1a over UTF-8, not <see cref="string.GetHashCode()"/>, because every node
/// and every restart must agree on which partition owns a unit (string hashes are randomized per process).
/// </summary>
public sealed record UnitPartition
{
    public UnitPartition(int index, int count)
    {
        if (count < 1 || index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), $"partition {index} of {count} does not exist");
        Index = index;
        Count = count;
    }

    public int Index { get; }
    public int Count { get; }

    public bool Includes(string unit) => Of(unit, Count) == Index;

    /// <summary>A partition remembers its own progress, so partitions of one backfill never overwrite each other's checkpoint.</summary>
    public string CheckpointKey(string connector) => string.Create(CultureInfo.InvariantCulture, $"{connector}#partition-{Index}-of-{Count}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index + 1}/{Count}");

    public static int Of(string unit, int count)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(unit))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return (int)(hash % (uint)count);
    }
}
