namespace DataHub.Tests.Shared;

/// <summary>A folder under the system temp directory, deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "datahub-test") => Path = Directory.CreateTempSubdirectory(prefix + "-").FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
