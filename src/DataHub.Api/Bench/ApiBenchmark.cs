using System.Globalization;
using System.Text;
using DataHub.Pipeline.Hosting;
using DataHub.Store.Audit;
using DataHub.Store.Catalog;
using DataHub.Store.Clients;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataHub.Api.Bench;

/// <summary>
/// <c>datahub bench api</c>: seeds an embedded catalog with synthetic documents, starts the real API on
/// loopback (access log on, as in production) and measures, in one run and with the same settings,
/// the citizen lookup against the trivial authenticated <c>/v1/ping</c>: wrk (closed loop, saturation)
/// and a built-in open-loop generator at a fixed rate (the p99-at-1,000-req/s target).
/// </summary>
public static class ApiBenchmark
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(string home, ApiBenchmarkOptions options, TextWriter output, CancellationToken ct)
    {
        // Always the embedded defaults in the bench folder: a benchmark must not seed a configured production catalog.
        var paths = new DataHubPaths(home, Path.GetFullPath(options.DataFolder), null);
        var configuration = new ConfigurationBuilder().Build();
        var url = $"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}";
        await using var app = ApiApplication.Build(configuration, paths, [url], LogLevel.Warning);

        var catalog = app.Services.GetRequiredService<SqlCatalog>();
        output.WriteLine($"catalog: {paths.DataPath("catalog.db")}");
        var started = DateTime.UtcNow;
        var existing = BenchCatalogSeeder.Seed(catalog, options.Documents, n => output.Write($"\rseeding: {n:N0} of {options.Documents:N0} documents"));
        output.WriteLine(existing > 0 ? $"seeding skipped: {existing:N0} synthetic documents already there" : $"\rseeded {options.Documents:N0} documents in {(DateTime.UtcNow - started).TotalSeconds:0} s");

        var key = app.Services.GetRequiredService<ApiClientStore>()
            .Add("bench-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), [.. Core.Documents.DocumentType.All.Select(t => t.Slug)], 1_000_000).Key;
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = key, ["X-Purpose"] = "bench" };
        var citizens = SampleCitizens(BenchCatalogSeeder.CitizenCount(options.Documents), 20_000);
        var script = Path.Combine(paths.Data, "lookup.lua");
        await File.WriteAllTextAsync(script, LuaScript(citizens, key), ct);
        string LookupPath(long i) => $"/v1/citizens/{citizens[(int)(i % citizens.Count)]}/documents?validOn=any";

        // A bench folder reused across runs holds the previous runs' log entries, indexed only while a server
        // was idle: the server would start this run by catching up on them. Every run starts from a moved and
        // caught-up log instead, as a fresh folder does.
        var accessLog = app.Services.GetRequiredService<AccessLog>();
        var catchUp = System.Diagnostics.Stopwatch.StartNew();
        accessLog.CatchUp();
        output.WriteLine($"access-log indexes caught up in {catchUp.Elapsed.TotalSeconds:0.0} s ({accessLog.LastSequence():N0} entries in the log)");

        await app.StartAsync(ct);
        try
        {
            var baseUri = new Uri(url);
            var seqBefore = accessLog.LastSequence();
            output.WriteLine("warming up…");
            await WrkRunner.RunAsync(new Uri(baseUri, "/v1/ping"), null, headers, 1, options.Connections, TimeSpan.FromSeconds(3), "warm-up");
            await WrkRunner.RunAsync(new Uri(baseUri, "/"), script, headers, 1, options.Connections, TimeSpan.FromSeconds(3), "warm-up");

            var results = new List<LoadResult>();
            var stolen = new List<double?>();
            async Task Phase(Func<Task<LoadResult>> run)
            {
                var steal = new CpuSteal();
                results.Add(await run());
                stolen.Add(steal.Percent());
            }
            output.WriteLine("wrk: trivial endpoint, then citizen lookup…");
            await Phase(() => WrkRunner.RunAsync(new Uri(baseUri, "/v1/ping"), null, headers, 1, options.Connections, options.Duration, "GET /v1/ping (trivial)"));
            await Phase(() => WrkRunner.RunAsync(new Uri(baseUri, "/"), script, headers, 1, options.Connections, options.Duration, "GET /v1/citizens/{id}/documents"));
            output.WriteLine($"fixed rate {options.FixedRate} req/s: trivial endpoint, then citizen lookup…");
            await Phase(() => FixedRateLoad.RunAsync(baseUri, _ => "/v1/ping", headers, options.FixedRate, options.Duration, "GET /v1/ping (trivial)"));
            await Phase(() => FixedRateLoad.RunAsync(baseUri, LookupPath, headers, options.FixedRate, options.Duration, "GET /v1/citizens/{id}/documents"));
            var logged = accessLog.LastSequence() - seqBefore;

            output.WriteLine();
            output.WriteLine("| endpoint | load | requests | req/s | p50 ms | p99 ms | non-200 | CPU stolen by the host |");
            output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
            for (var i = 0; i < results.Count; i++)
            {
                var r = results[i];
                var steal = stolen[i] is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0} %") : "n/a";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Endpoint} | {r.Tool}: {r.Shape} | {r.Requests:N0} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.Errors} | {steal} |"));
            }
            output.WriteLine();
            var ratio = results[1].RequestsPerSecond / results[0].RequestsPerSecond;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lookup/trivial requests/s (wrk): {ratio:P0} (target ≥ 50 %)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lookup p99 at {results[3].RequestsPerSecond:N0} req/s (fixed rate): {results[3].P99Ms:0.00} ms (target < 10 ms)"));
            output.WriteLine($"access-log entries appended during the run: {logged:N0} (every lookup, warm-up included)");
            return results;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Citizens spread over the whole catalog (fixed seed), so lookups do not hit one hot page.</summary>
    private static List<string> SampleCitizens(int citizenCount, int sample)
    {
        var random = new Random(20261123);
        return Enumerable.Range(0, Math.Min(sample, citizenCount)).Select(_ => BenchCatalogSeeder.CitizenOf(random.Next(citizenCount))).ToList();
    }

    /// <summary>
    /// wrk's requests for the lookups: one per sampled citizen, formatted once when the script loads and handed out in
    /// turn. Formatted in the <c>request</c> callback, each cost wrk 15.6–16.0 µs of CPU against 10.5–12.0 µs now
    /// (the trivial endpoint's static request: ~12.6), CPU the server under test lacked (bench/RESULTS.md, thirteenth session).
    /// </summary>
    private static string LuaScript(IReadOnlyList<string> citizens, string key)
    {
        var lua = new StringBuilder("local ids = {\n");
        foreach (var c in citizens) lua.Append("\"").Append(c).Append("\",\n");
        lua.Append("}\n");
        // Formatted in init, not when the script loads: wrk sets the Host header (wrk.headers) only for init.
        lua.Append("local requests = {}\n");
        lua.Append("local n = #ids\n");
        lua.Append("local i = math.random(n)\n");
        lua.Append("init = function(args)\n  for k, id in ipairs(ids) do\n");
        lua.Append($"    requests[k] = wrk.format(\"GET\", \"/v1/citizens/\" .. id .. \"/documents?validOn=any\", {{ [\"X-Api-Key\"] = \"{key}\", [\"X-Purpose\"] = \"bench\" }})\n  end\nend\n");
        lua.Append("request = function()\n  i = i % n + 1\n  return requests[i]\nend\n");
        return lua.ToString();
    }
}
