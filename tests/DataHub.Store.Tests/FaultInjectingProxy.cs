using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataHub.Store.Tests;

/// <summary>
/// A raw TCP proxy on 127.0.0.1 that breaks a share of HTTP requests on their way to Azurite. It rewrites
/// each request to <c>Connection: close</c>, so every request has its own connection and the fault
/// decision is per request, not per pooled connection. The lost-acknowledgment fault (storage did the
/// write, the client never hears it) is the one that proves idempotent publishing.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly double _faultRate;
    private readonly TimeSpan _stall;
    private readonly Random _random;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly int[] _counts = new int[Enum.GetValues<FaultKind>().Length];

    public FaultInjectingProxy(int upstreamPort, double faultRate, TimeSpan stall, int seed)
    {
        _upstreamPort = upstreamPort;
        _faultRate = faultRate;
        _stall = stall;
        _random = new Random(seed);
        _listener.Start(512);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public int Count(FaultKind kind) => Volatile.Read(ref _counts[(int)kind]);

    public int Requests => _counts.Sum();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopping.
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private (FaultKind Kind, int DelayMs) Decide()
    {
        lock (_random)
        {
            var roll = _random.NextDouble();
            if (roll < _faultRate)
            {
                // The four faults share the fault rate equally.
                return ((FaultKind)(1 + (int)(roll / _faultRate * 4)), 0);
            }
            // One healthy request in five is slowed a little, well under the attempt timeout.
            return (FaultKind.None, _random.Next(5) == 0 ? _random.Next(10, 120) : 0);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        var ct = _stop.Token;
        try
        {
            var stream = client.GetStream();
            var (head, leftover) = await ReadHeadAsync(stream, ct);
            if (head is null) return;
            var (kind, delayMs) = Decide();
            Interlocked.Increment(ref _counts[(int)kind]);
            switch (kind)
            {
                case FaultKind.ServiceUnavailable:
                    await stream.WriteAsync("HTTP/1.1 503 Service Unavailable\r\nx-ms-error-code: ServerBusy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
                    client.Client.Shutdown(SocketShutdown.Send);
                    await DrainAsync(stream, ct);
                    return;
                case FaultKind.ResetBeforeForward:
                    Reset(client);
                    return;
                case FaultKind.Stall:
                    await Task.Delay(_stall, ct);
                    Reset(client);
                    return;
            }
            if (delayMs > 0) await Task.Delay(delayMs, ct);
            using var upstream = new TcpClient();
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, ct);
            var up = upstream.GetStream();
            await up.WriteAsync(Encoding.Latin1.GetBytes(WithConnectionClose(head)), ct);
            await up.WriteAsync(leftover, ct);
            // The rest of the body, if any, flows while the response comes back.
            using var requestDone = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var requestPump = stream.CopyToAsync(up, requestDone.Token);
            if (kind == FaultKind.ResetAfterForward)
            {
                // Let storage finish the request (it closes after answering), then drop the answer.
                await up.CopyToAsync(Stream.Null, ct);
                Reset(client);
            }
            else
            {
                await up.CopyToAsync(stream, ct);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            await requestDone.CancelAsync();
            await Ignore(requestPump);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client gave up (attempt timeout) or the proxy is stopping: nothing to report.
        }
    }

    /// <summary>Reads up to the blank line that ends the request head; returns the head and any body bytes read with it.</summary>
    private static async Task<(string? Head, byte[] Leftover)> ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0) return (null, []);
            filled += read;
            var end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
            if (end >= 0) return (Encoding.Latin1.GetString(buffer, 0, end + 4), buffer[(end + 4)..filled]);
        }
        return (null, []);
    }

    private static string WithConnectionClose(string head)
    {
        var lines = head.Split("\r\n").Where(l => l.Length > 0 && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase));
        return string.Join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
    }

    private static void Reset(TcpClient client)
    {
        // Linger 0 makes Close send RST instead of FIN: the client sees "connection reset".
        client.Client.LingerState = new LingerOption(true, 0);
        client.Client.Close();
    }

    private static async Task DrainAsync(NetworkStream stream, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        await stream.CopyToAsync(Stream.Null, timeout.Token);
    }

    private static async Task Ignore(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The request side ends when either peer closes.
        }
    }
}
