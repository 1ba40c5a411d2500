using System.Diagnostics;

namespace DataHub.Ocr.Tests.Support;

/// <summary>Runs ImageMagick/tesseract to build test inputs; a failure fails the test with the tool's stderr.</summary>
internal static class Tools
{
    public static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {err}");
    }
}
