namespace DataHub.Ocr.Corpus;

/// <summary>A rendered test page with its exact ground truth; <see cref="PageClass"/> is e.g. "skewed".</summary>
public sealed record OcrCorpusPage(string ImagePath, string GroundTruthPath, string GroundTruth, string PageClass);
