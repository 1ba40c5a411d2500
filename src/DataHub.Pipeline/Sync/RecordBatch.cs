using DataHub.Connectors.Sources;
using DataHub.Core.Documents;
using DataHub.Core.Normalization;

namespace DataHub.Pipeline.Sync;

/// <summary>
/// A slice of a source between two checkpoints, travelling from the reader through the normalizers to
/// the committer. <see cref="Checkpoint"/> is where the source resumes once this batch is durable.
/// </summary>
internal sealed class RecordBatch(List<SourceRecord> records, string? checkpoint)
{
    public List<SourceRecord> Records { get; } = records;
    public string? Checkpoint { get; } = checkpoint;
    public SettledResult[] Mapped { get; } = new SettledResult[records.Count];
    public NormalizationOutcome[] Outcomes { get; } = new NormalizationOutcome[records.Count];
}
