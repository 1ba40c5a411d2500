using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DataHub.AgencySimulator;

/// <summary>The simulator's OAuth2 client-credentials server: opaque bearer tokens with a lifetime, revocable (to test the 401 refresh).</summary>
public sealed class TokenIssuer(int lifetimeSeconds)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public int Issued => _issued;

    public (string Token, int Lifetime) Issue()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = DateTimeOffset.UtcNow.AddSeconds(lifetimeSeconds);
        Interlocked.Increment(ref _issued);
        return (token, lifetimeSeconds);
    }

    public bool IsValid(string? authorization) =>
        authorization is { } a && a.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(a[7..].Trim(), out var expires) && expires > DateTimeOffset.UtcNow;

    public void RevokeAll() => _tokens.Clear();
}
