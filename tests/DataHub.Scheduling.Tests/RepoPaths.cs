namespace DataHub.Scheduling.Tests;

/// <summary>The repository (found by walking up to DataHub.sln) and the CLI build the tests drive as real processes.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>./test.sh builds the launcher's CLI here before the tests run.</summary>
    public static string Cli
    {
        get
        {
            var dll = Path.Combine(Root, ".build", "cli", "datahub.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build it first (./test.sh does: dotnet build src/DataHub.Cli -c Release -o .build/cli)");
            return dll;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DataHub.sln"))) return dir.FullName;
        throw new InvalidOperationException("DataHub.sln not found above " + AppContext.BaseDirectory);
    }
}
