namespace DataHub.Cli.Samples;

/// <summary>What a generation wrote: records per agency, bad records per kind, legacy-encoded rows.</summary>
internal sealed class SampleSummary
{
    public Dictionary<string, long> Records { get; } = [];
    public Dictionary<BadRecordKind, long> Bad { get; } = [];
    public long LegacyEncoded { get; private set; }
    public long Corrections { get; set; }
    public int BrokenFiles { get; set; }

    public void Add(string agency, SampleRecord record)
    {
        Records[agency] = Records.GetValueOrDefault(agency) + 1;
        if (record.Bad is { } kind) Bad[kind] = Bad.GetValueOrDefault(kind) + 1;
        if (record.LegacyEncoded) LegacyEncoded++;
    }
}
