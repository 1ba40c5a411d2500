using System.Collections.Concurrent;

namespace DataHub.AgencySimulator;

/// <summary>What one simulated agency saw: requests (with their arrival times) and the faults it injected.</summary>
public sealed class AgencyStats
{
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();
    private readonly ConcurrentDictionary<FaultKind, int> _faults = new();
    private int _requests;
    private int _served;

    public int Requests => _requests;
    public int Served => _served;
    public IReadOnlyList<DateTimeOffset> Arrivals => _arrivals.ToArray();
    public IReadOnlyDictionary<FaultKind, int> Faults => new Dictionary<FaultKind, int>(_faults);

    internal void Arrived(DateTimeOffset at)
    {
        Interlocked.Increment(ref _requests);
        _arrivals.Enqueue(at);
    }

    internal void Injected(FaultKind kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);

    internal void ServedOne() => Interlocked.Increment(ref _served);
}
