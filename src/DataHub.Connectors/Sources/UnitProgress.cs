namespace DataHub.Connectors.Sources;

/// <summary>
/// Resume bookkeeping for sources that read whole files ("units") once per fingerprint: which files
/// are done, how far into the current one the last durable batch reached, and the checkpoint text for
/// the pipeline. Shared by file drops and scan archives so both resume by the same rules.
/// </summary>
public sealed class UnitProgress
{
    private readonly FileDropCheckpoint _state = new();
    private readonly Dictionary<string, string> _fingerprints = new(StringComparer.Ordinal);
    private FileDropCheckpoint _saved = new();

    public static string Fingerprint(FileInfo file) => $"{file.Length}:{file.LastWriteTimeUtc.Ticks}";

    public void Load(string? checkpoint)
    {
        _saved = FileDropCheckpoint.Parse(checkpoint);
        _state.Done = new Dictionary<string, string>(_saved.Done, StringComparer.Ordinal);
    }

    /// <summary>Registers a unit; true when it must be read (new, or replaced since it was read).</summary>
    public bool NeedsReading(string unit, string fingerprint)
    {
        _fingerprints[unit] = fingerprint;
        return !(_state.Done.TryGetValue(unit, out var done) && done == fingerprint);
    }

    /// <summary>Records of this unit already committed by an interrupted run (skip ordinals up to this).</summary>
    public long AlreadyCommitted(string unit) =>
        _saved.Current == unit && _saved.CurrentFingerprint == _fingerprints[unit] ? _saved.CurrentOrdinal : 0;

    public void MarkDone(string unit) => _state.Done[unit] = _fingerprints[unit];

    public string After(SourceRecord record)
    {
        _state.Current = record.Unit;
        _state.CurrentFingerprint = _fingerprints[record.Unit];
        _state.CurrentOrdinal = record.Ordinal;
        return _state.Serialize();
    }

    public string AtEnd()
    {
        _state.Current = null;
        _state.CurrentFingerprint = null;
        _state.CurrentOrdinal = 0;
        return _state.Serialize();
    }
}
