using System.Globalization;
using System.Security.Cryptography;
using System.Security;
using System.Text;

namespace DataHub.Connectors.Soap;

/// <summary>
/// The OASIS WS-Security 1.0 UsernameToken header. PasswordDigest = Base64(SHA-1(nonce + created +
/// password)) as the profile defines it (SHA-1 is the standard's choice, not ours).
/// </summary>
public static class WsSecurityHeader
{
    public const string WsseNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string WsuNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public const string TextType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    public const string DigestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    public static string Build(string username, string password, bool digest, DateTimeOffset now)
    {
        var created = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetBytes(16);
        var passwordValue = digest ? Digest(nonce, created, password) : password;
        return $"<wsse:Security xmlns:wsse=\"{WsseNamespace}\" xmlns:wsu=\"{WsuNamespace}\" soapenv:mustUnderstand=\"1\">" +
               $"<wsse:UsernameToken><wsse:Username>{SecurityElement.Escape(username)}</wsse:Username>" +
               $"<wsse:Password Type=\"{(digest ? DigestType : TextType)}\">{SecurityElement.Escape(passwordValue)}</wsse:Password>" +
               $"<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">{Convert.ToBase64String(nonce)}</wsse:Nonce>" +
               $"<wsu:Created>{created}</wsu:Created></wsse:UsernameToken></wsse:Security>";
    }

    public static string Digest(byte[] nonce, string created, string password) =>
        Convert.ToBase64String(SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(created), .. Encoding.UTF8.GetBytes(password)]));
}
