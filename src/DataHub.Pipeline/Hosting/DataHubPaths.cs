namespace DataHub.Pipeline.Hosting;

/// <summary>
/// Where things live. Relative paths in configuration resolve against <see cref="Home"/>: the folder of
/// the configuration file, else <c>DATAHUB_HOME</c> (set by the launcher to the repository), else the
/// current directory.
/// </summary>
public sealed record DataHubPaths(string Home, string Data, string? ConfigFile)
{
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(Home, path));

    public string DataPath(string relative) => Path.GetFullPath(Path.Combine(Data, relative));
}
