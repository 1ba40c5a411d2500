using System.Buffers;

namespace DataHub.Store.Documents;

/// <summary>Names every backend shares, so the layout is written down once.</summary>
public static class StoreNames
{
    public const string DocumentsPrefix = "documents";
    public const string CurrentName = "current";
    public const string FilesFolder = "files";

    private static readonly SearchValues<char> FileNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789._-");

    public static string VersionName(int version) => $"v{version}.json";

    /// <summary>Parses "v{n}.json" back to n; anything else is not a version.</summary>
    public static bool TryParseVersionName(ReadOnlySpan<char> name, out int version)
    {
        version = 0;
        return name.StartsWith("v") && name.EndsWith(".json") && int.TryParse(name[1..^5], out version) && version > 0;
    }

    /// <summary>Attachment names are a closed alphabet with no path separators and no leading dot.</summary>
    public static void CheckFileName(string name)
    {
        if (name.Length is 0 or > 100 || name[0] == '.' || name.AsSpan().ContainsAnyExcept(FileNameChars))
            throw new ArgumentException($"'{name}' is not a valid document file name ([a-z0-9._-], no leading dot, at most 100 characters)", nameof(name));
    }
}
