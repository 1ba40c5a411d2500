using System.Globalization;

namespace DataHub.Cli.Samples;

/// <summary>
/// Writes the sample agency exports: civil status (JSON), land registry (XML), business registration
/// (CSV, part TCVN3 mojibake), split into files of <see cref="SampleRequest.RecordsPerFile"/> records,
/// streaming (a million records need no more memory than ten). Deterministic for a seed.
/// </summary>
internal sealed class SampleGenerator(SampleRequest request)
{
    /// <summary>Generation does not depend on the day it runs: dates are drawn up to this one.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 6, 30);

    public static readonly IReadOnlyDictionary<string, string> Folders = new Dictionary<string, string>
    {
        ["civil-status"] = "json", ["land-registry"] = "xml", ["business-registration"] = "csv",
    };

    public SampleSummary Generate(IProgress<long>? progress = null)
    {
        var factory = new SampleRecordFactory(request.Seed, ReferenceDate, request.BadRate);
        var summary = new SampleSummary();
        var writers = new Dictionary<string, (ISampleFileWriter Writer, int Part, long Count)>();
        var tag = string.Create(CultureInfo.InvariantCulture, $"s{request.Seed}-f{request.FirstSequence}");
        foreach (var agency in Folders.Keys) Directory.CreateDirectory(Path.Combine(request.OutputFolder, agency));

        void Emit(SampleRecord record)
        {
            var agency = SampleRecordFactory.AgencyOf(record.Sequence);
            if (!writers.TryGetValue(agency, out var w) || w.Count >= request.RecordsPerFile)
            {
                w.Writer?.Dispose();
                var part = w.Writer is null ? 0 : w.Part + 1;
                w = (Open(agency, Path.Combine(request.OutputFolder, agency, string.Create(CultureInfo.InvariantCulture, $"{agency}-{tag}-{part:000}.{Folders[agency]}"))), part, 0);
            }
            w.Writer.Write(record);
            writers[agency] = (w.Writer, w.Part, w.Count + 1);
            summary.Add(agency, record);
        }

        for (var i = 0L; i < request.Count; i++)
        {
            Emit(factory.Create(request.FirstSequence + i));
            if (i % 10_000 == 0) progress?.Report(i);
        }
        // Late corrections: earlier results re-sent with a changed field; each becomes a new version.
        // Seeded apart from the records: the same seed picks the same originals for any FirstSequence of the same bit
        // length, so deltas in a row pass seeds of their own (or they would re-send, unchanged, the last night's corrections).
        var corrections = new Random(request.CorrectionSeed ?? request.Seed + 1);
        for (var i = 0L; i < request.Corrections && request.FirstSequence > 0; i++)
        {
            var original = factory.Create(corrections.NextInt64(request.FirstSequence), allowBad: false);
            original.Place = original.Place.Length > 0 ? original.Place.Replace("Thôn", "Tổ", StringComparison.Ordinal) + " (đính chính)" : "đính chính";
            original.BusinessName = original.BusinessName.Length > 0 ? original.BusinessName + " (đính chính)" : "";
            original.UpdatedAt = ReferenceDate.ToDateTime(new TimeOnly(8, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss'+07:00'", CultureInfo.InvariantCulture);
            Emit(original);
            summary.Corrections++;
        }
        foreach (var (agency, w) in writers)
        {
            if (request.BreakLastFile) { w.Writer.Break(); summary.BrokenFiles++; }
            else w.Writer.Dispose();
        }
        return summary;
    }

    private static ISampleFileWriter Open(string agency, string path) => agency switch
    {
        "civil-status" => new CivilStatusJsonWriter(path),
        "land-registry" => new LandRegistryXmlWriter(path),
        _ => new BusinessRegistrationCsvWriter(path),
    };
}
