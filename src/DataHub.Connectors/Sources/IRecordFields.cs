namespace DataHub.Connectors.Sources;

/// <summary>Reads a value from a record by the path the manifest mapping names (column, dotted JSON path, XML path).</summary>
public interface IRecordFields
{
    string? Get(string path);
}
