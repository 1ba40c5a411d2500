namespace DataHub.Connectors.Sources;

/// <summary>The fields of a record that could not be parsed at all.</summary>
public sealed class NoFields : IRecordFields
{
    public static readonly NoFields Instance = new();

    public string? Get(string path) => null;
}
