namespace DataHub.Ocr;

/// <summary>
/// The one exception the OCR room throws for a file it cannot read (empty, truncated, not an image,
/// password-protected PDF, too large to decode safely). The message is a single line meant for an
/// operator, naming the file; callers report it per file and carry on with the others.
/// </summary>
public sealed class OcrException : Exception
{
    public string? SourcePath { get; }

    public OcrException(string message, string? sourcePath = null, Exception? inner = null)
        : base(message, inner) => SourcePath = sourcePath;
}
