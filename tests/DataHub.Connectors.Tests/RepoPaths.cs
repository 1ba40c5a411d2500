namespace DataHub.Connectors.Tests;

/// <summary>The repository the tests run from: samples, schemas, the network manifests and the CLI build (test.sh builds it to .build/cli).</summary>
public static class RepoPaths
{
    public static readonly string Root = Find();

    public static string Samples => Path.Combine(Root, "samples");
    public static string Schemas => Path.Combine(Root, "schemas");
    public static string NetworkManifests => Path.Combine(Root, "connectors-network");

    public static string CliDll
    {
        get
        {
            var dll = Path.Combine(Root, ".build", "cli", "datahub.dll");
            if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: test.sh builds the CLI there before the tests (dotnet build src/DataHub.Cli -c Release -o .build/cli)");
            return dll;
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataHub.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DataHub.sln not found above the test binaries");
    }
}
