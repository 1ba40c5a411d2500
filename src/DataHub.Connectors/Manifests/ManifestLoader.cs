using System.Text.Json;
using DataHub.Core.Documents;
using DataHub.Core.Schemas;

namespace DataHub.Connectors.Manifests;

/// <summary>
/// Reads <c>connectors/*/connector.json</c> and checks each against the shared schemas, so a typo in
/// a mapping is a clear error at start-up instead of a field silently missing from every document.
/// </summary>
public static class ManifestLoader
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<ConnectorManifest> LoadAll(string connectorsFolder, SchemaRegistry schemas)
    {
        if (!Directory.Exists(connectorsFolder)) throw new DirectoryNotFoundException($"connectors folder {connectorsFolder} does not exist");
        var manifests = Directory.EnumerateDirectories(connectorsFolder)
            .Select(d => Path.Combine(d, "connector.json"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .Select(p => Load(p, schemas))
            .ToList();
        var duplicate = manifests.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"two connectors are named '{duplicate.Key}'");
        return manifests;
    }

    public static ConnectorManifest Load(string path, SchemaRegistry schemas)
    {
        ConnectorManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ConnectorManifest>(File.ReadAllText(path), JsonOptions)
                       ?? throw new InvalidDataException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        manifest = manifest with { ManifestPath = Path.GetFullPath(path) };
        Check(manifest, path, schemas);
        return manifest;
    }

    private static void Check(ConnectorManifest manifest, string path, SchemaRegistry schemas)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(manifest.Name, "^[a-z0-9][a-z0-9-]{0,62}$"))
            throw new InvalidDataException($"{path}: name '{manifest.Name}' must be lowercase letters, digits and dashes");
        if (manifest.Agency.Level is not ("province" or "district" or "commune"))
            throw new InvalidDataException($"{path}: agency.level must be province, district or commune");
        var slugs = manifest.DocumentType.Fixed is { } f ? [f] : manifest.DocumentType.Map.Values.Distinct().ToList();
        foreach (var slug in slugs.Concat(manifest.Mappings.Keys).Distinct())
        {
            var type = DocumentType.FromSlug(slug) ?? throw new InvalidDataException($"{path}: unknown document type '{slug}'");
            if (!manifest.Mappings.TryGetValue(slug, out var mapping)) throw new InvalidDataException($"{path}: no mapping for document type '{slug}'");
            var schema = schemas.Find(type) ?? throw new InvalidDataException($"{path}: no schema {type.SchemaFileName}");
            var known = schema.Fields.Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var target in mapping.Keys)
            {
                if (!known.Contains(target) && !EnvelopeFields.All.Contains(target))
                    throw new InvalidDataException($"{path}: mapping for {slug} names '{target}', which is neither a field of {type.SchemaFileName} nor an envelope field ({string.Join(", ", EnvelopeFields.All)})");
            }
        }
        foreach (var key in manifest.Defaults.Keys)
        {
            if (!EnvelopeFields.All.Contains(key)) throw new InvalidDataException($"{path}: default '{key}' is not an envelope field");
        }
    }
}
