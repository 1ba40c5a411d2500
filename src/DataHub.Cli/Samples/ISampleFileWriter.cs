namespace DataHub.Cli.Samples;

/// <summary>Writes generated records in one agency's export format.</summary>
internal interface ISampleFileWriter : IDisposable
{
    void Write(SampleRecord record);

    /// <summary>Ends the file broken (truncated), instead of closing it properly.</summary>
    void Break();
}
