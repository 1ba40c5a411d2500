namespace DataHub.Cli.Samples;

/// <summary>What to generate: how many records from which sequence number, how many late corrections, where.</summary>
internal sealed record SampleRequest(string OutputFolder, long Count, int Seed, long FirstSequence = 0, long Corrections = 0,
    int RecordsPerFile = 50_000, double BadRate = 0.02, bool BreakLastFile = true, int? CorrectionSeed = null);
