namespace DataHub.Core.Text;
public readonly record struct RepairResult(string Text, LegacyEncoding DetectedEncoding, bool Repaired);
