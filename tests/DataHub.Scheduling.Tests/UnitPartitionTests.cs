using DataHub.Pipeline.Sync;

namespace DataHub.Scheduling.Tests;

public sealed class UnitPartitionTests
{
    [Fact]
    public void Every_unit_belongs_to_exactly_one_partition_and_the_hash_is_stable()
    {
        var units = Enumerable.Range(0, 500).Select(i => $"civil-status-s49-f0-{i:000}.json").ToList();
        var partitions = Enumerable.Range(0, 4).Select(i => new UnitPartition(i, 4)).ToList();
        foreach (var unit in units) Assert.Single(partitions, p => p.Includes(unit));
        // FNV-1a of a fixed name: any process, any restart, any node computes the same partition.
        Assert.Equal(UnitPartition.Of("civil-status-s49-f0-000.json", 7), UnitPartition.Of("civil-status-s49-f0-000.json", 7));
        Assert.All(partitions, p => Assert.InRange(units.Count(p.Includes), 80, 170));
        Assert.NotEqual(partitions[0].CheckpointKey("c"), partitions[1].CheckpointKey("c"));
    }
}
