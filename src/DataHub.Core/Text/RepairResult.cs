namespace DataHub.Core.Text;

/// <summary>
/// Outcome of <see cref="LegacyTextRepair.Repair"/>: the (possibly repaired) text, the encoding it was found to be
/// in, and whether it changed — the pipeline records repairs as data-quality facts.
/// </summary>
public readonly record struct RepairResult(string Text, LegacyEncoding DetectedEncoding, bool Repaired);
