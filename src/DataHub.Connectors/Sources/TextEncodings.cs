using System.Text;

namespace DataHub.Connectors.Sources;

/// <summary>Resolves the encodings agency exports come in, including Windows-1258 (Vietnamese) from the code-page provider.</summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(string name)
    {
        try
        {
            return name.ToLowerInvariant() switch
            {
                "utf-8" or "utf8" => new UTF8Encoding(false),
                _ => Encoding.GetEncoding(name),
            };
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"unknown text encoding '{name}' (use utf-8, windows-1258, windows-1252 …)");
        }
    }
}
