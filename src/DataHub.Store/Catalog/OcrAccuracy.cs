namespace DataHub.Store.Catalog;

/// <summary>
/// OCR field accuracy measured on the random samples clerks reviewed: of the fields the machine read with
/// confidence, how many a person left as they were — shown next to the machine's own mean confidence.
/// </summary>
public sealed record OcrAccuracy(long Samples, long FieldsChecked, long FieldsCorrected, double? MachineConfidence)
{
    public double? Accuracy => FieldsChecked == 0 ? null : 1 - (double)FieldsCorrected / FieldsChecked;
}
