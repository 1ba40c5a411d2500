using System.Globalization;
using System.Xml.Linq;

namespace DataHub.Store.AzureBlob;

/// <summary>Parses a List Blobs response (EnumerationResults).</summary>
internal static class BlobListingXml
{
    public static BlobListPage Parse(string xml)
    {
        var root = XDocument.Parse(xml).Root ?? throw new FormatException("empty List Blobs response");
        var items = new List<BlobItem>();
        foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            var nameElement = blob.Element("Name")!;
            // Names with characters XML cannot carry come back percent-encoded and flagged.
            var name = (string?)nameElement.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(nameElement.Value) : nameElement.Value;
            var p = blob.Element("Properties");
            var md5Text = p?.Element("Content-MD5")?.Value;
            var metadata = (blob.Element("Metadata")?.Elements() ?? [])
                .ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase);
            items.Add(new BlobItem(name, new BlobProperties(
                long.TryParse(p?.Element("Content-Length")?.Value, CultureInfo.InvariantCulture, out var length) ? length : 0,
                p?.Element("Etag")?.Value,
                string.IsNullOrEmpty(md5Text) ? null : Convert.FromBase64String(md5Text),
                p?.Element("Content-Type")?.Value,
                DateTimeOffset.TryParse(p?.Element("Last-Modified")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null,
                metadata)));
        }
        var next = root.Element("NextMarker")?.Value;
        return new BlobListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }
}
