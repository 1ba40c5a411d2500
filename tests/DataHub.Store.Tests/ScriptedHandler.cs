namespace DataHub.Store.Tests;

/// <summary>
/// Answers each attempt from a script (no network), recording what was sent, so retry, re-signing and
/// error mapping can be checked exactly.
/// </summary>
internal sealed class ScriptedHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _attempts;

    public List<(string Date, string Authorization)> Sent { get; } = [];

    public int Attempts => Volatile.Read(ref _attempts);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        lock (Sent)
        {
            Sent.Add((request.Headers.GetValues("x-ms-date").Single(), request.Headers.GetValues("Authorization").Single()));
        }
        return respond(attempt, cancellationToken);
    }

    public static HttpResponseMessage Status(int status, string? errorCode = null, string? message = null)
    {
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)status);
        if (errorCode is not null)
        {
            response.Headers.Add("x-ms-error-code", errorCode);
            response.Content = new StringContent($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>{errorCode}</Code><Message>{message}\nRequestId:1\nTime:2026-11-23</Message></Error>");
        }
        return response;
    }
}
