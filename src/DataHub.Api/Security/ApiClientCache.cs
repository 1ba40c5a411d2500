using System.Collections.Concurrent;
using System.Diagnostics;
using DataHub.Store.Clients;

namespace DataHub.Api.Security;

/// <summary>
/// Known keys, re-read from the catalog at most once per <see cref="MaxAge"/> per key. Without it every
/// request would pay a catalog round trip just to learn the key is still good; with it a revocation made
/// by <c>datahub clients revoke</c> (possibly on another node) takes effect within <see cref="MaxAge"/>.
/// Unknown keys are never cached, so guessing cannot fill memory.
/// </summary>
public sealed class ApiClientCache(ApiClientStore store, TimeSpan maxAge)
{
    private readonly ConcurrentDictionary<string, (ApiClient Client, long ReadAt)> _byKeyHash = new(StringComparer.Ordinal);

    public TimeSpan MaxAge => maxAge;

    public ApiClient? Find(string key)
    {
        var hash = ApiKeys.Hash(key);
        var now = Stopwatch.GetTimestamp();
        if (_byKeyHash.TryGetValue(hash, out var cached) && Stopwatch.GetElapsedTime(cached.ReadAt, now) < maxAge) return cached.Client;
        var client = store.FindByKeyHash(hash);
        if (client is null) _byKeyHash.TryRemove(hash, out _);
        else _byKeyHash[hash] = (client, now);
        return client;
    }
}
