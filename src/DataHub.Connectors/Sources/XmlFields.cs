using System.Xml.Linq;

namespace DataHub.Connectors.Sources;

/// <summary>Paths into one XML record: "ChuSuDung/HoTen" (child elements by local name), "@SoSeri", "ThuaDat/@So".</summary>
public sealed class XmlFields(XElement element) : IRecordFields
{
    // Walked with loops over the path's segments, not Split and FirstOrDefault(lambda): every mapped field of
    // every record allocated the parts, a closure, a delegate and an iterator.
    public string? Get(string path)
    {
        XElement? current = element;
        var rest = path.AsSpan();
        while (current is not null)
        {
            var slash = rest.IndexOf('/');
            var part = slash < 0 ? rest : rest[..slash];
            if (part.StartsWith("@")) return slash < 0 ? Attribute(current, part[1..]) : null;
            current = Child(current, part);
            if (slash < 0) break;
            rest = rest[(slash + 1)..];
        }
        return current?.Value;
    }

    private static XElement? Child(XElement parent, ReadOnlySpan<char> localName)
    {
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is XElement e && localName.SequenceEqual(e.Name.LocalName)) return e;
        }
        return null;
    }

    private static string? Attribute(XElement parent, ReadOnlySpan<char> localName)
    {
        for (var a = parent.FirstAttribute; a is not null; a = a.NextAttribute)
        {
            if (localName.SequenceEqual(a.Name.LocalName)) return a.Value;
        }
        return null;
    }
}
