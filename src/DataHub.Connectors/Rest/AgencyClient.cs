using System.Net;
using System.Text;
using System.Text.Json;
using DataHub.Connectors.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DataHub.Connectors.Rest;

/// <summary>
/// Sends one logical request to an agency through its resilience pipeline. Each attempt reads the whole
/// body (one page) and parses it inside the pipeline, so a body cut short is retried like a dropped
/// connection. Whatever still fails becomes one <see cref="AgencyRequestException"/> line that says
/// which agency, what was asked, and what came back.
/// </summary>
public sealed class AgencyClient(HttpClient http, ResiliencePipeline<HttpResponseMessage> pipeline, IRequestAuthenticator auth, string agency)
{
    public string Agency => agency;

    /// <param name="read">Turns an answer into the result; called for every status (SOAP faults come as 500).
    /// Throws <see cref="PageFormatException"/> for a body that does not parse.</param>
    /// <param name="errorDetail">Extracts the agency's own error text from an error body, if any.</param>
    public async Task<T> SendAsync<T>(Func<HttpRequestMessage> create, Func<HttpResponseMessage, byte[], T?> read, Func<byte[], string?> errorDetail,
        string what, CancellationToken ct)
    {
        for (var authTry = 0; ; authTry++)
        {
            await auth.PrepareAsync(ct);
            T? result = default;
            byte[] lastBody = [];
            var attempts = 0;
            string? lastFailure = null;
            HttpResponseMessage response;
            try
            {
                response = await pipeline.ExecuteAsync(async token =>
                {
                    attempts++;
                    try
                    {
                        using var request = create();
                        auth.Apply(request);
                        var answer = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                        try
                        {
                            lastBody = await answer.Content.ReadAsByteArrayAsync(token);
                            result = read(answer, lastBody);
                        }
                        catch
                        {
                            answer.Dispose();
                            throw;
                        }
                        if (!answer.IsSuccessStatusCode) lastFailure = $"{(int)answer.StatusCode} {answer.ReasonPhrase}";
                        return answer;
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        lastFailure = "no answer within the attempt timeout";
                        throw;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        lastFailure = Flatten(e);
                        throw;
                    }
                }, ct);
            }
            catch (BrokenCircuitException e)
            {
                throw new AgencyRequestException($"agency {agency} is unavailable: circuit open after repeated failures (last: {lastFailure ?? "failures on earlier calls"}); {what} not sent", null, e);
            }
            catch (TimeoutRejectedException e)
            {
                throw new AgencyRequestException($"agency {agency} did not answer the {what} in time after {attempts} attempt(s) (last: {lastFailure ?? "timeout"})", null, e);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or PageFormatException && !ct.IsCancellationRequested)
            {
                throw new AgencyRequestException($"agency {agency}: {what} failed after {attempts} attempt(s): {Flatten(e)}", null, e);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode) return result!;
                if (response.StatusCode == HttpStatusCode.Unauthorized && authTry == 0 && auth.CanRefresh)
                {
                    auth.Invalidate();
                    continue;
                }
                var status = (int)response.StatusCode;
                var detail = errorDetail(lastBody) is { Length: > 0 } d ? $": {d}" : "";
                var kind = status is 401 or 403 ? "refused the credentials"
                    : TransientFailures.IsTransient(response.StatusCode) ? $"kept failing ({attempts} attempts)"
                    : "rejected the request (not retried)";
                throw new AgencyRequestException($"agency {agency} {kind}: {what} → {status} {response.ReasonPhrase}{detail}", status);
            }
        }
    }

    /// <summary>The message of a JSON error body (<c>message</c>, <c>error_description</c>, <c>error</c>, <c>title</c>), else its start.</summary>
    public static string? JsonErrorDetail(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in new[] { "message", "error_description", "error", "title", "detail" })
                {
                    if (doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }
        return Snippet(body);
    }

    public static string Snippet(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return body.Length > 200 ? text + "…" : text;
    }

    private static string Flatten(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal)) message += " — " + inner.Message;
        }
        return message.ReplaceLineEndings(" ");
    }
}
