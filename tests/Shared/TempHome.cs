namespace DataHub.Tests.Shared;

/// <summary>
/// A DataHub home of its own: a copy of the repository's file-drop connector manifests (which read
/// <c>samples/…</c> relative to the home), the repository's schemas, and a data folder.
/// </summary>
internal sealed class TempHome : IDisposable
{
    private readonly TempFolder _folder = new("datahub-home");

    public TempHome()
    {
        foreach (var manifest in Directory.GetFiles(Path.Combine(RepoPaths.Root, "connectors"), "connector.json", SearchOption.AllDirectories))
        {
            // Generated samples feed the file-drop connectors only; the paper archive has its own tests.
            if (!File.ReadAllText(manifest).Contains("\"fileDrop\"", StringComparison.Ordinal)) continue;
            var target = Path.Combine(Root, "connectors", Path.GetFileName(Path.GetDirectoryName(manifest)!));
            Directory.CreateDirectory(target);
            File.Copy(manifest, Path.Combine(target, "connector.json"));
        }
        Directory.CreateDirectory(Samples);
    }

    public string Root => _folder.Path;
    public string Samples => Path.Combine(Root, "samples");
    public string Data => Path.Combine(Root, "data");

    public Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            ["DATAHUB_HOME"] = Root,
            ["DATAHUB__Schemas__Folder"] = RepoPaths.Schemas,
        };
        foreach (var (k, v) in extra) env[k] = v;
        return env;
    }

    public CliRunner.Result Run(params string[] args) => CliRunner.Run(args, Environment());

    public void Dispose() => _folder.Dispose();
}
