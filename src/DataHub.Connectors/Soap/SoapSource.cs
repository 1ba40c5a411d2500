using System.Globalization;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DataHub.Connectors.Manifests;
using DataHub.Connectors.Resilience;
using DataHub.Connectors.Rest;
using DataHub.Connectors.Sources;

namespace DataHub.Connectors.Soap;

/// <summary>
/// The <c>soap</c> kind: POSTs the manifest's envelope per page and reads every <c>recordElement</c> of
/// the response body as a record (mapped with the same paths as an XML file drop). A Client fault is
/// our mistake and fails at once with the agency's reason; a Server fault on a 500 is retried.
/// </summary>
public sealed class SoapSource(SourceSpec spec, string envelopeTemplate, AgencyClient client, Func<string> security) : PagedRecordSource(spec)
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    protected override Task<FetchedPage> FetchAsync(PageRequest request, CancellationToken ct)
    {
        var soap = Spec.Soap!;
        return client.SendAsync(() =>
            {
                // Built per attempt: a WS-Security nonce and timestamp must not be replayed.
                var envelope = Fill(request, security());
                var message = new HttpRequestMessage(HttpMethod.Post, Spec.Url) { Content = new StringContent(envelope, Encoding.UTF8) };
                if (soap.Version == "1.2")
                {
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/soap+xml") { CharSet = "utf-8" };
                    if (soap.Action is not null) message.Content.Headers.ContentType.Parameters.Add(new NameValueHeaderValue("action", $"\"{soap.Action}\""));
                }
                else
                {
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
                    message.Headers.TryAddWithoutValidation("SOAPAction", $"\"{soap.Action}\"");
                }
                return message;
            },
            Read, FaultDetail, $"{soap.Action ?? "SOAP call"} since '{request.Since}'", ct);
    }

    private string Fill(PageRequest request, string securityHeader) => envelopeTemplate
        .Replace("{{security}}", securityHeader, StringComparison.Ordinal)
        .Replace("{{since}}", SecurityElement.Escape(request.Since), StringComparison.Ordinal)
        .Replace("{{pageToken}}", SecurityElement.Escape(request.PageToken ?? ""), StringComparison.Ordinal)
        .Replace("{{offset}}", request.Offset.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{limit}}", request.Limit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private FetchedPage? Read(HttpResponseMessage response, byte[] body)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), Safe);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            if (!response.IsSuccessStatusCode) return null; // an HTML error page from a proxy: the status decides
            throw new PageFormatException($"SOAP response is not well-formed XML ({body.Length} bytes; cut short?): {e.Message}", e);
        }
        if (SoapFault.Find(document) is { } fault)
        {
            if (fault.IsClientFault || response.IsSuccessStatusCode) throw new AgencyRequestException($"agency {client.Agency} answered with SOAP fault {fault.Code}: {fault.Reason}", (int)response.StatusCode, new SoapFaultException(fault.Code, fault.Reason));
            return null; // Server fault on a 500: transient, the retry decides
        }
        if (!response.IsSuccessStatusCode) return null;
        var recordName = Spec.RecordElement!;
        var records = document.Descendants().Where(e => e.Name.LocalName == recordName)
            .Select(e => ((IRecordFields)new XmlFields(e), (string?)null)).ToList();
        var next = document.Descendants().FirstOrDefault(e => e.Name.LocalName == Spec.Paging.NextTokenPath)?.Value.Trim();
        return new FetchedPage(records, string.IsNullOrEmpty(next) ? null : next);
    }

    private static string? FaultDetail(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), Safe);
            return SoapFault.Find(XDocument.Load(reader)) is { } f ? $"SOAP fault {f.Code}: {f.Reason}" : AgencyClient.Snippet(body);
        }
        catch (XmlException)
        {
            return AgencyClient.Snippet(body);
        }
    }
}
