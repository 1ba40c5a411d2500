namespace DataHub.Tests.Shared;

/// <summary>Finds the repository (the folder holding DataHub.sln) from wherever the tests run.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Cli => Path.Combine(Root, ".build", "cli", "datahub.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataHub.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find DataHub.sln above " + AppContext.BaseDirectory);
    }
}
