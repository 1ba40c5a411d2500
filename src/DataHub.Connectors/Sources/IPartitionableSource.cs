namespace DataHub.Connectors.Sources;

/// <summary>
/// A source made of independent units (files of a drop folder, scan folders of an archive) that can be
/// split among partition jobs. Selecting happens before reading, so a partition never pays for reading
/// (or OCR'ing) the units of another.
/// </summary>
public interface IPartitionableSource
{
    /// <summary>Reads only the units for which <paramref name="include"/> answers true (by unit name).</summary>
    void SelectUnits(Func<string, bool> include);
}
