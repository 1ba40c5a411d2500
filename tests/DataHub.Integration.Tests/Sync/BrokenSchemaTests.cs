using System.Text.Json.Nodes;
using DataHub.Tests.Shared;

namespace DataHub.Integration.Tests.Sync;

/// <summary>
/// A schema NJsonSchema cannot compile. A sync compiles schemas only when a document first needs one, so the operator
/// must hear of it from <c>check</c> and from the daemon's start (and a sync must stop with the file's name, losing
/// nothing).
/// </summary>
public class BrokenSchemaTests
{
    [Fact]
    public void Check_names_the_broken_schema_and_a_sync_stops_on_it_then_a_fixed_run_equals_a_clean_one()
    {
        using var home = new TempHome();
        using var clean = new TempHome();
        foreach (var h in new[] { home, clean })
            Assert.Equal(0, h.Run("samples", "--count", "1500", "--seed", "29", "--out", h.Samples, "--no-broken-files").ExitCode);
        var broken = Path.Combine(home.Root, "schemas-broken");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(RepoPaths.Schemas)) File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        const string birth = "birth-certificate.v1.schema.json";
        // Not on a field, so loading the registry (which reads the fields) does not follow it: only NJsonSchema's compile does.
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(broken, birth)))!;
        schema["properties"]!["resultNumber"] = JsonNode.Parse("""{"$ref": "#/definitions/noSuchDefinition"}""");
        File.WriteAllText(Path.Combine(broken, birth), schema.ToJsonString());
        var brokenSchemas = ("DATAHUB__Schemas__Folder", broken);

        var check = CliRunner.Run(["check"], home.Environment(brokenSchemas));
        Assert.Equal(1, check.ExitCode);
        var line = check.Stdout.Split('\n').Single(l => l.StartsWith("schemas ", StringComparison.Ordinal));
        Assert.Contains("FAILED", line);
        Assert.Contains(birth + ": the schema does not compile", line);

        // The scheduler daemon refuses to start (it would otherwise run until its first job needed the schema).
        var daemon = CliRunner.Run(["run"], home.Environment(brokenSchemas), timeoutSeconds: 60);
        Assert.Equal(2, daemon.ExitCode);
        Assert.Contains(birth + ": the schema does not compile", daemon.Stderr);

        var sync = CliRunner.Run(["sync"], home.Environment(brokenSchemas));
        Assert.NotEqual(0, sync.ExitCode);
        Assert.Contains(birth + ": the schema does not compile", sync.Stderr);
        // Each parallel worker met the same fault; the operator reads it once per connector.
        Assert.DoesNotContain("One or more errors occurred", sync.Stderr);

        var fixedRun = CliRunner.Run(["sync"], home.Environment());
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Stderr);
        var reference = CliRunner.Run(["sync"], clean.Environment());
        Assert.True(reference.ExitCode == 0, reference.Stderr);
        Assert.Equal(CatalogQueries.PublishedState(clean.Data), CatalogQueries.PublishedState(home.Data));
        Assert.Equal(CatalogQueries.LedgerState(clean.Data), CatalogQueries.LedgerState(home.Data));
    }
}
