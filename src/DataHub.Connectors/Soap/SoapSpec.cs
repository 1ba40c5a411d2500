namespace DataHub.Connectors.Soap;

/// <summary>
/// <c>source.soap</c>: the SOAPAction and the request envelope. The template's placeholders are filled
/// (XML-escaped) per page: <c>{{since}}</c>, <c>{{pageToken}}</c>, <c>{{offset}}</c>, <c>{{limit}}</c>, and
/// <c>{{security}}</c> (the WS-Security header when <c>auth.kind</c> is wsse).
/// </summary>
// A misspelt key is an error at start-up, not a setting silently left at its default.
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record SoapSpec
{
    public string? Action { get; init; }
    public string? Envelope { get; init; }
    /// <summary>The template in a file, relative to the manifest's folder.</summary>
    public string? EnvelopeFile { get; init; }
    /// <summary>"1.1" (text/xml + SOAPAction header) or "1.2" (application/soap+xml; action parameter).</summary>
    public string Version { get; init; } = "1.1";
}
