namespace DataHub.Ocr.Benchmark;

/// <summary>Character error rate over a set of pages: mean, worst, and how many pages had ground truth.</summary>
public sealed record CerSummary(double Mean, double Worst, int Pages)
{
    public static CerSummary? Of(IEnumerable<double> cers)
    {
        var list = cers.ToList();
        return list.Count == 0 ? null : new CerSummary(list.Average(), list.Max(), list.Count);
    }
}
