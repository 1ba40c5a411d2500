namespace DataHub.Ocr.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository root (where DataHub.sln is), found from the test binaries upwards.</summary>
    public static string Root { get; } = FindRoot();

    public static string SampleScans => Path.Combine(Root, "samples", "scans");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataHub.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("DataHub.sln not found above " + AppContext.BaseDirectory);
    }
}
