using System.Diagnostics;
using System.Net;

namespace DataHub.Api.Bench;

/// <summary>
/// An open-loop load generator at a fixed rate (what wrk2 does and wrk cannot): request n is due at
/// start + n/rate and its latency counts from that due time, so a stalled server cannot hide its queue
/// by slowing the client down (no coordinated omission).
/// </summary>
public static class FixedRateLoad
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, Func<long, string> path, IReadOnlyDictionary<string, string> headers, int rate, TimeSpan duration, string name)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        foreach (var (k, v) in headers) http.DefaultRequestHeaders.Add(k, v);

        // Warm the connections and the server's JIT before measuring.
        for (var i = 0; i < 200; i++) (await http.GetAsync(path(i))).Dispose();

        var total = (long)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var errors = 0L;
        var inFlight = new Task[total];
        var clock = Stopwatch.StartNew();

        async Task Send(long index, double due)
        {
            try
            {
                using var response = await http.GetAsync(path(index), HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }
            latencies[index] = (clock.Elapsed.TotalSeconds - due) * 1000;
        }

        // The pacer is a thread of its own that sleeps to each due time with microsecond resolution: paced
        // from the thread pool (Task.Delay), the generator's own wake-ups were late by the pool's queue and
        // the timer's millisecond tick, and that lateness counted as server latency (the trivial endpoint
        // showed a p50 of 2.8 ms). Each request starts on the pacer and completes on the pool; no pool
        // thread waits for the pacer (the server under test shares the pool).
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            for (long n = 0; n < total; n++)
            {
                var due = n / (double)rate;
                // A loop: a sleep may end early (a signal) and is capped below a second.
                for (double wait; (wait = due - clock.Elapsed.TotalSeconds) > 0;) PreciseSleep.For(TimeSpan.FromSeconds(wait));
                inFlight[n] = Send(n, due);
            }
            paced.SetResult();
        }) { IsBackground = true, Name = "fixed-rate pacer" };
        pacer.Start();
        await paced.Task;
        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new LoadResult(name, "built-in fixed rate", $"{rate} req/s open loop, {duration.TotalSeconds:0} s", total, total / elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), errors);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
