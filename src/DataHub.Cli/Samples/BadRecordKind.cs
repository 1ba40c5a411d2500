namespace DataHub.Cli.Samples;

/// <summary>The kinds of bad record every sample set carries (DOMAIN.md, "Bad records every sample set … must contain").</summary>
internal enum BadRecordKind
{
    IdWrongLength, IdNonDigit, UnknownProvince, IdBirthYearMismatch, ImpossibleDate, FutureIssueDate, IssueBeforeBirth,
    MissingRequired, DuplicateResultNumber, UnknownDocumentType, PathLikeResultNumber, ExtremelyLongField, TruncatedRow,
}
