using System.Collections.Concurrent;

namespace DataHub.AgencySimulator;

/// <summary>
/// Decides, per request, whether and how an agency misbehaves: scripted faults first (tests queue exact
/// sequences), then a random draw at the configured error rate, and "down" above all.
/// </summary>
public sealed class FaultPlan(SimulatorOptions options)
{
    private readonly Random _random = new(options.Seed);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FaultKind>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _down = new(options.Down.Select(d => KeyValuePair.Create(d, true)), StringComparer.Ordinal);
    private double _errorRate = options.ErrorRate;

    public double ErrorRate
    {
        get => Volatile.Read(ref _errorRate);
        set => Volatile.Write(ref _errorRate, value);
    }

    public bool IsDown(string agency) => _down.TryGetValue(agency, out var down) && down;

    public void SetDown(string agency, bool down) => _down[agency] = down;

    public void Script(string agency, params FaultKind[] faults)
    {
        var queue = _scripted.GetOrAdd(agency, _ => new ConcurrentQueue<FaultKind>());
        foreach (var f in faults) queue.Enqueue(f);
    }

    public FaultKind? Next(string agency)
    {
        if (_scripted.TryGetValue(agency, out var queue) && queue.TryDequeue(out var scripted)) return scripted;
        var rate = ErrorRate;
        if (rate <= 0 || options.Faults.Count == 0) return null;
        lock (_random)
        {
            if (_random.NextDouble() >= rate) return null;
            return options.Faults[_random.Next(options.Faults.Count)];
        }
    }
}
