using System.Security.Cryptography;
using System.Text;

namespace DataHub.Store.Clients;

/// <summary>
/// API keys: 256 random bits, shown once. Only SHA-256 of the key is stored: the key has full entropy,
/// so a plain hash (no salt, no slow KDF) is enough to make a stolen table useless, and it keeps the
/// per-request check to one indexed lookup.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "dhk_";

    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
