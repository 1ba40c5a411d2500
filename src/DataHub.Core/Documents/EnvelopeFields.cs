namespace DataHub.Core.Documents;

/// <summary>
/// Target names a connector mapping may fill besides the schema's <c>fields</c>: what the national sync
/// carries with every settled result. None of them collides with a schema field name.
/// </summary>
public static class EnvelopeFields
{
    public const string ResultNumber = "resultNumber";
    public const string IssueDate = "issueDate";
    public const string AgencyCode = "agencyCode";
    public const string AgencyName = "agencyName";
    public const string AgencyLevel = "agencyLevel";
    public const string ValidUntil = "validUntil";
    public const string Status = "status";
    public const string ProcedureCode = "procedureCode";
    public const string ProcedureField = "procedureField";
    public const string DossierCode = "dossierCode";
    /// <summary>When the agency settled the dossier; the report's period. Defaults to the issue date.</summary>
    public const string SettledOn = "settledOn";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ResultNumber, IssueDate, AgencyCode, AgencyName, AgencyLevel, ValidUntil, Status, ProcedureCode, ProcedureField, DossierCode, SettledOn,
    };
}
