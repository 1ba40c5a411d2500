using DataHub.Connectors.Rest;
using DataHub.Connectors.Soap;

namespace DataHub.Connectors.Manifests;

/// <summary>
/// Where and how a connector reads. <see cref="Kind"/> is <c>fileDrop</c> (CSV, JSON or XML files in a
/// folder); network kinds add their own settings beside these.
/// </summary>
public sealed record SourceSpec
{
    public required string Kind { get; init; }
    public string? Path { get; init; }
    public string Pattern { get; init; } = "*";
    public string? Format { get; init; }
    /// <summary>Text encoding of the files: utf-8 (default), windows-1258, windows-1252 …</summary>
    public string Encoding { get; init; } = "utf-8";
    /// <summary>XML: the element name of one record.</summary>
    public string? RecordElement { get; init; }
    /// <summary>CSV: field delimiter.</summary>
    public string Delimiter { get; init; } = ",";

    /// <summary>Scans: the scanning team's index (box,file,documentType,resultNumber), relative to <see cref="Path"/>.</summary>
    public string? Index { get; init; }

    // --- network kinds (rest, soap): see docs/readme-sections/connectors.md ---
    /// <summary>rest: the records resource; soap: the service endpoint.</summary>
    public string? Url { get; init; }
    /// <summary>rest: dotted path of the records array in a page (empty: the page is the array).</summary>
    public string? RecordsPath { get; init; }
    /// <summary>Constant query parameters sent with every page request (unit code, procedure …).</summary>
    public Dictionary<string, string> Query { get; init; } = [];
    public PagingSpec Paging { get; init; } = new();
    public CursorSpec Cursor { get; init; } = new();
    public AuthSpec Auth { get; init; } = new();
    public SoapSpec? Soap { get; init; }
}
