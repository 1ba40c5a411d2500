namespace DataHub.Core.Documents;

/// <summary>How a result became digital: kept as provenance and reported as the OCR share.</summary>
public enum DigitizationMethod { Native, Ocr, OcrReviewed }
