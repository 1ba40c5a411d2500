using System.Net;
using System.Xml.Linq;
using DataHub.Store.Documents;

namespace DataHub.Store.AzureBlob;

/// <summary>Turns a failed response into the exception callers act on.</summary>
internal static class BlobServiceError
{
    public static string? ErrorCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-ms-error-code", out var values) ? values.FirstOrDefault() : null;

    /// <summary>
    /// 403 → refused credentials; a transient status that outlived the retries → <see cref="HttpRequestException"/>
    /// (the caller may try again later, nothing was decided); anything else → <see cref="DocumentStoreException"/>
    /// (retrying would get the same answer).
    /// </summary>
    public static async Task<Exception> ToExceptionAsync(HttpResponseMessage response, string account, string operation, CancellationToken ct)
    {
        var (code, message) = await ReadErrorAsync(response, ct).ConfigureAwait(false);
        var detail = $"{(int)response.StatusCode} {code ?? response.ReasonPhrase}{(message is null ? "" : ": " + message)}";
        if (response.StatusCode == HttpStatusCode.Forbidden)
            return new DocumentStoreException($"Blob storage refused the credentials for account {account}: {detail} (during {operation})");
        if (BlobResilience.IsTransient(response.StatusCode))
            return new HttpRequestException($"Blob storage {operation} still failing after retries: {detail}", null, response.StatusCode);
        return new DocumentStoreException($"Blob storage {operation} failed: {detail}");
    }

    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var code = ErrorCode(response);
        string? message = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (body.TrimStart().StartsWith('<'))
            {
                var root = XDocument.Parse(body).Root;
                code ??= root?.Element("Code")?.Value;
                // The service's message carries RequestId/Time on further lines: keep the first, it is the reason.
                message = root?.Element("Message")?.Value.Split('\n')[0].Trim();
            }
        }
        catch (System.Xml.XmlException)
        {
            // An error body that is not XML (a proxy's HTML page) adds nothing beyond the status.
        }
        return (code, message);
    }
}
