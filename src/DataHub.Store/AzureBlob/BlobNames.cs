using System.Text;
using System.Text.RegularExpressions;

namespace DataHub.Store.AzureBlob;

/// <summary>Container and blob name rules, and the one place blob names are percent-encoded.</summary>
internal static partial class BlobNames
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    private static partial Regex ContainerName();

    public static void CheckContainer(string container)
    {
        if (!ContainerName().IsMatch(container))
            throw new ArgumentException($"'{container}' is not a valid container name (3-63 of a-z, 0-9 and single hyphens)", nameof(container));
    }

    /// <summary>
    /// Percent-encodes each '/'-separated segment as UTF-8 (Vietnamese names included); the same encoded
    /// path is sent and signed. "." and ".." segments are refused: URL normalization would rewrite them.
    /// </summary>
    public static string EncodeBlobPath(string blob)
    {
        if (blob.Length is 0 or > 1024) throw new ArgumentException("a blob name has 1 to 1024 characters", nameof(blob));
        var sb = new StringBuilder(blob.Length * 2);
        foreach (var segment in blob.Split('/'))
        {
            if (segment is "." or "..") throw new ArgumentException($"blob name '{blob}' has a '.' or '..' segment", nameof(blob));
            if (sb.Length > 0 || blob[0] == '/') sb.Append('/');
            sb.Append(Uri.EscapeDataString(segment));
        }
        return sb.ToString();
    }
}
