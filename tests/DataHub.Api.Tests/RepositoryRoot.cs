namespace DataHub.Api.Tests;

/// <summary>The repository (connectors/, samples/, schemas/): found by walking up to DataHub.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DataHub.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"DataHub.sln not found above {AppContext.BaseDirectory}");
    }
}
