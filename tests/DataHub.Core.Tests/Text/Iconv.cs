using System.Diagnostics;
using System.Text;

namespace DataHub.Core.Tests.Text;

/// <summary>
/// glibc iconv as an independent oracle for the legacy encodings (TCVN5712-1, WINDOWS-1258, VISCII): the tests
/// never trust our own tables to produce their expected bytes.
/// </summary>
internal static class Iconv
{
    public const string Path = "/usr/bin/iconv";

    static Iconv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Cp1252 => Encoding.GetEncoding(1252);

    public static Encoding Cp1258 => Encoding.GetEncoding(1258);

    public static byte[] Convert(byte[] input, string from, string to)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add(from);
        psi.ArgumentList.Add("-t");
        psi.ArgumentList.Add(to);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("iconv did not start");
        // Write and read concurrently so a large input cannot deadlock on full pipes.
        var writer = Task.Run(() =>
        {
            p.StandardInput.BaseStream.Write(input);
            p.StandardInput.Close();
        });
        var stderr = p.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(output);
        writer.GetAwaiter().GetResult();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"iconv -f {from} -t {to} failed: {stderr.GetAwaiter().GetResult()}");
        return output.ToArray();
    }

    /// <summary>Encodes each line with iconv in one process call; returns the encoded bytes of each line.</summary>
    public static List<byte[]> EncodeLines(IReadOnlyList<string> lines, string to)
    {
        byte[] all = Convert(Encoding.UTF8.GetBytes(string.Join('\n', lines)), "UTF-8", to);
        var result = new List<byte[]>(lines.Count);
        int start = 0;
        for (int i = 0; i <= all.Length; i++)
        {
            if (i == all.Length || all[i] == (byte)'\n')
            {
                result.Add(all[start..i]);
                start = i + 1;
            }
        }
        if (result.Count != lines.Count) throw new InvalidOperationException($"iconv returned {result.Count} lines for {lines.Count}");
        return result;
    }
}
