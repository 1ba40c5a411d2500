using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using DataHub.Connectors.Sources;

namespace DataHub.AgencySimulator;

/// <summary>
/// Loads the sample exports (<c>datahub samples</c>) into the simulated agencies: civil status (REST,
/// token paging, OAuth2), business registration (REST, offset paging, API key), land registry (SOAP,
/// WS-Security). Each record gets the agency's own record id; a file that breaks off contributes the
/// records before the break (the agency would never have had the broken tail).
/// </summary>
public static class SampleExports
{
    public const string CivilStatus = "civil-status";
    public const string BusinessRegistration = "business-registration";
    public const string LandRegistry = "land-registry";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Dictionary<string, SimulatedAgency> Load(string folder) => new(StringComparer.Ordinal)
    {
        [CivilStatus] = new(CivilStatus, LoadJson(Path.Combine(folder, CivilStatus), "cs"), (r, stamp) => CorrectJson(r, ["nguoiDuocKhaiSinh.noiSinh", "chong.noiCuTru"], "ngayCapNhat", stamp)),
        [BusinessRegistration] = new(BusinessRegistration, LoadCsv(Path.Combine(folder, BusinessRegistration), "hkd"), (r, stamp) => CorrectJson(r, ["MaHoSo"], "NgayCapNhat", stamp)), // never TCVN3-encoded, unlike the address
        [LandRegistry] = new(LandRegistry, LoadXml(Path.Combine(folder, LandRegistry), "gcn"), CorrectXml),
    };

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal) : [];

    private static List<SimulatedRecord> LoadJson(string folder, string prefix)
    {
        var records = new List<SimulatedRecord>();
        foreach (var file in Files(folder, "*.json"))
        {
            using var stream = File.OpenRead(file);
            using var elements = new JsonElementStream(stream, lines: false);
            try
            {
                while (elements.TryReadNext(out var element))
                {
                    if (element.ValueKind != JsonValueKind.Object) continue;
                    var node = JsonObject.Create(element)!;
                    records.Add(FromJson(Id(prefix, records.Count), node, "ngayCapNhat"));
                }
            }
            catch (JsonException)
            {
            }
        }
        return records;
    }

    private static List<SimulatedRecord> LoadCsv(string folder, string prefix)
    {
        var records = new List<SimulatedRecord>();
        foreach (var file in Files(folder, "*.csv"))
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null });
            if (!parser.Read()) continue;
            var header = parser.Record!;
            while (parser.Read())
            {
                var row = parser.Record!;
                if (row.Length != header.Length) continue; // the export's broken last line
                var node = new JsonObject();
                for (var i = 0; i < header.Length; i++) node[header[i]] = row[i];
                records.Add(FromJson(Id(prefix, records.Count), node, "NgayCapNhat"));
            }
        }
        return records;
    }

    private static List<SimulatedRecord> LoadXml(string folder, string prefix)
    {
        var records = new List<SimulatedRecord>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        foreach (var file in Files(folder, "*.xml"))
        {
            using var reader = XmlReader.Create(file, settings);
            try
            {
                while (reader.NodeType == XmlNodeType.Element && reader.LocalName == "GiayChungNhan" || reader.ReadToFollowing("GiayChungNhan"))
                {
                    var element = (XElement)XNode.ReadFrom(reader);
                    element.SetAttributeValue("Id", Id(prefix, records.Count));
                    records.Add(FromXml(element));
                }
            }
            catch (XmlException)
            {
            }
        }
        return records;
    }

    private static string Id(string prefix, int n) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n + 1:000000}");

    private static SimulatedRecord FromJson(string id, JsonObject node, string cursorField)
    {
        var withId = new JsonObject { ["id"] = id };
        foreach (var (key, value) in node.ToList())
        {
            if (key == "id") continue;
            node.Remove(key);
            withId[key] = value;
        }
        var updated = withId[cursorField]?.GetValue<string>() ?? "";
        return new SimulatedRecord(id, updated, SimulatedAgency.Ticks(updated), Serialize(withId));
    }

    private static SimulatedRecord FromXml(XElement element)
    {
        var updated = element.Elements().FirstOrDefault(e => e.Name.LocalName == "NgayCapNhat")?.Value ?? "";
        return new SimulatedRecord(element.Attribute("Id")!.Value, updated, SimulatedAgency.Ticks(updated), Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)));
    }

    private static byte[] Serialize(JsonObject node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact)) node.WriteTo(writer);
        return buffer.ToArray();
    }

    private static SimulatedRecord CorrectJson(SimulatedRecord record, string[] paths, string cursorField, string stamp)
    {
        var node = JsonNode.Parse(record.Payload)!.AsObject();
        foreach (var path in paths)
        {
            var parts = path.Split('.');
            JsonObject? parent = node;
            for (var i = 0; i < parts.Length - 1 && parent is not null; i++) parent = parent[parts[i]] as JsonObject;
            if (parent?[parts[^1]] is JsonValue value)
            {
                parent[parts[^1]] = value.GetValue<string>() + " (đính chính)";
                break;
            }
        }
        node[cursorField] = stamp;
        return record with { Payload = Serialize(node) };
    }

    private static SimulatedRecord CorrectXml(SimulatedRecord record, string stamp)
    {
        var element = XElement.Parse(Encoding.UTF8.GetString(record.Payload));
        var address = element.Element("ThuaDat")?.Element("DiaChi");
        if (address is not null) address.Value += " (đính chính)";
        element.SetElementValue("NgayCapNhat", stamp);
        return record with { Payload = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting)) };
    }
}
