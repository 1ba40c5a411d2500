namespace DataHub.Connectors.Sources;

/// <summary>
/// A source kind: reads records forward from a checkpoint, as a stream (constant memory). The
/// checkpoint is opaque to the pipeline, which persists <see cref="CheckpointAfter"/> of a batch's last
/// record only once that batch is durable, so a crash resumes at the first record not yet committed.
/// </summary>
public interface IRecordSource
{
    IAsyncEnumerable<SourceRecord> ReadAsync(string? checkpoint, CancellationToken ct);

    /// <summary>Where to resume after <paramref name="record"/>. Called on the reading thread, in order.</summary>
    string CheckpointAfter(SourceRecord record);

    /// <summary>Where to resume after a complete read (everything delivered so far is done).</summary>
    string? CheckpointAtEnd();
}
