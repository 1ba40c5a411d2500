using System.Xml.Linq;

namespace DataHub.Connectors.Sources;

/// <summary>Paths into one XML record: "ChuSuDung/HoTen" (child elements by local name), "@SoSeri", "ThuaDat/@So".</summary>
public sealed class XmlFields(XElement element) : IRecordFields
{
    public string? Get(string path)
    {
        XElement? current = element;
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length && current is not null; i++)
        {
            var part = parts[i];
            if (part.StartsWith('@')) return i == parts.Length - 1 ? current.Attributes().FirstOrDefault(a => a.Name.LocalName == part[1..])?.Value : null;
            current = current.Elements().FirstOrDefault(e => e.Name.LocalName == part);
        }
        return current?.Value;
    }
}
