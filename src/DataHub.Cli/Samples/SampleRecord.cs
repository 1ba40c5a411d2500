namespace DataHub.Cli.Samples;

/// <summary>
/// One generated settled result as plain strings (what an agency export holds), before it is written
/// in the agency's format. Bad-record mutations edit these strings.
/// </summary>
internal sealed class SampleRecord
{
    public required long Sequence { get; init; }
    public required string Kind { get; set; } // birth | marriage | land | business
    public string TypeCode { get; set; } = "";
    public string ResultNumber { get; set; } = "";
    public string IssueDate { get; set; } = "";
    public string AgencyCode { get; set; } = "";
    public string AgencyName { get; set; } = "";
    public string AgencyLevel { get; set; } = "";
    public string DossierCode { get; set; } = "";
    public string ProcedureCode { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    /// <summary>The primary person: registrant, husband, owner.</summary>
    public string Name { get; set; } = "";
    public string CitizenId { get; set; } = "";
    public string BirthDate { get; set; } = "";
    public string Sex { get; set; } = "";
    public string Place { get; set; } = "";
    /// <summary>Second person: father / wife / co-owner.</summary>
    public string Name2 { get; set; } = "";
    public string CitizenId2 { get; set; } = "";
    public string BirthDate2 { get; set; } = "";
    public string Place2 { get; set; } = "";
    /// <summary>Third person: mother (birth certificates).</summary>
    public string Name3 { get; set; } = "";
    public string CitizenId3 { get; set; } = "";
    public string Book { get; set; } = "";
    public string Serial { get; set; } = "";
    public string Parcel { get; set; } = "";
    public string MapSheet { get; set; } = "";
    public string Area { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Term { get; set; } = "";
    public string Origin { get; set; } = "";
    public string BusinessName { get; set; } = "";
    public string Lines { get; set; } = "";
    public string Capital { get; set; } = "";
    public string Status { get; set; } = "";
    public BadRecordKind? Bad { get; set; }
    public bool LegacyEncoded { get; set; }
}
