namespace DataHub.Core.Normalization;

/// <summary>Knobs of the normalizer. <see cref="Today"/> is injected so rules about "the future" are testable.</summary>
public sealed record NormalizerOptions
{
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>Raw fields longer than this are refused before any parsing (hostile or broken exports).</summary>
    public int MaxFieldLength { get; init; } = 2000;

    /// <summary>OCR fields read with less confidence than this (0–100) send the record to review.</summary>
    public double ReviewConfidenceThreshold { get; init; } = 80;
}
