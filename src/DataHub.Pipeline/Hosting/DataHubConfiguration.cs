using Microsoft.Extensions.Configuration;

namespace DataHub.Pipeline.Hosting;

/// <summary>
/// Builds configuration the documented way: <c>datahub.json</c> (or <c>--config PATH</c>), then
/// environment variables <c>DATAHUB__Section__Key</c>, then command-line overrides.
/// </summary>
public static class DataHubConfiguration
{
    public static (IConfiguration Configuration, DataHubPaths Paths) Build(string? configPath, string? dataDirectory, IDictionary<string, string?>? overrides = null)
    {
        var home = Environment.GetEnvironmentVariable("DATAHUB_HOME") is { Length: > 0 } h ? Path.GetFullPath(h) : Directory.GetCurrentDirectory();
        string? configFile = null;
        if (configPath is not null)
        {
            configFile = Path.GetFullPath(configPath);
            if (!File.Exists(configFile)) throw new FileNotFoundException($"configuration file {configFile} does not exist");
            home = Path.GetDirectoryName(configFile)!;
        }
        else if (File.Exists(Path.Combine(home, "datahub.json")))
        {
            configFile = Path.Combine(home, "datahub.json");
        }

        var builder = new ConfigurationBuilder();
        if (configFile is not null) builder.AddJsonFile(configFile, optional: false, reloadOnChange: false);
        builder.AddEnvironmentVariables("DATAHUB__");
        if (overrides is not null) builder.AddInMemoryCollection(overrides);
        var configuration = builder.Build();

        // --data is the user's own path (relative to where they stand); configured paths are relative to home.
        var data = dataDirectory is not null ? Path.GetFullPath(dataDirectory)
            : Environment.GetEnvironmentVariable("DATAHUB_DATA") is { Length: > 0 } env ? Path.GetFullPath(env)
            : Path.GetFullPath(Path.Combine(home, configuration["Data:Directory"] ?? "data"));
        return (configuration, new DataHubPaths(home, data, configFile));
    }
}
