namespace DataHub.Core.Documents;

/// <summary>
/// One settled result as a source delivered it, after the connector's mapping: target names
/// (envelope names from <see cref="EnvelopeFields"/> or schema field names) to raw text, still
/// unnormalized. <see cref="MalformedReason"/> is set when the source could not even be read as a
/// record (truncated row, broken XML): such a record is quarantined, never dropped.
/// </summary>
public sealed class SettledResult
{
    public required string SourceRef { get; init; }

    /// <summary>The document type, or null when the source named one DataHub does not know (see <see cref="RawType"/>).</summary>
    public DocumentType? Type { get; init; }

    public string? RawType { get; init; }

    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    public string? MalformedReason { get; init; }

    public DigitizationMethod Method { get; init; } = DigitizationMethod.Native;

    /// <summary>Per-field OCR confidence (0–100), for scans only.</summary>
    public IReadOnlyDictionary<string, double>? Confidences { get; init; }

    public string? Get(string name) => Values.TryGetValue(name, out var v) ? v : null;
}
