namespace DataHub.Connectors.Sources;

/// <summary>Reads one file of a file drop as records numbered from 1, streaming.</summary>
public interface IRecordFileReader
{
    IAsyncEnumerable<SourceRecord> ReadAsync(string path, string unitName, CancellationToken ct);
}
