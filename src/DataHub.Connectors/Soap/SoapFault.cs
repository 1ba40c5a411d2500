using System.Xml.Linq;

namespace DataHub.Connectors.Soap;

/// <summary>Reads a SOAP 1.1 (faultcode/faultstring) or 1.2 (Code/Value, Reason/Text) fault.</summary>
public sealed record SoapFault(string Code, string Reason)
{
    /// <summary>Client/Sender faults blame the request: retrying cannot help.</summary>
    public bool IsClientFault => Code.EndsWith("Client", StringComparison.OrdinalIgnoreCase) || Code.EndsWith("Sender", StringComparison.OrdinalIgnoreCase);

    public static SoapFault? Find(XDocument document)
    {
        var fault = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Fault" && e.Parent?.Name.LocalName == "Body");
        if (fault is null) return null;
        string? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        var code = Child(fault, "faultcode")
                   ?? fault.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Elements().FirstOrDefault(e => e.Name.LocalName == "Value")?.Value.Trim()
                   ?? "unknown";
        var reason = Child(fault, "faultstring")
                     ?? fault.Elements().FirstOrDefault(e => e.Name.LocalName == "Reason")?.Elements().FirstOrDefault(e => e.Name.LocalName == "Text")?.Value.Trim()
                     ?? "(no reason given)";
        return new SoapFault(code, reason);
    }
}
