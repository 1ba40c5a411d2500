namespace DataHub.Core.Documents;

/// <summary>
/// A reusable result-document type. <see cref="Slug"/> names the schema file
/// (<c>schemas/{slug}.v{n}.schema.json</c>) and the store layout; <see cref="ResultTypeCode"/> is the
/// national result-type code where one is known.
/// </summary>
public sealed record DocumentType(string Slug, string VietnameseName, string EnglishName, string? ResultTypeCode, int SchemaVersion)
{
    public static readonly DocumentType BirthCertificate = new("birth-certificate", "Giấy khai sinh", "Birth certificate", "KQ.G15.000031", 1);
    public static readonly DocumentType MarriageCertificate = new("marriage-certificate", "Giấy chứng nhận kết hôn", "Marriage certificate", "KQ.G15.000032", 1);
    public static readonly DocumentType LandUseRightCertificate = new("land-use-right-certificate", "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", "Land-use-right certificate", null, 1);
    public static readonly DocumentType HouseholdBusinessRegistration = new("household-business-registration", "Giấy chứng nhận đăng ký hộ kinh doanh", "Household business registration", null, 1);
    public static readonly DocumentType ConstructionPermit = new("construction-permit", "Giấy phép xây dựng", "Construction permit", null, 1);
    public static readonly DocumentType JudicialRecordCertificate = new("judicial-record-certificate", "Phiếu lý lịch tư pháp", "Judicial record certificate", null, 1);

    public static IReadOnlyList<DocumentType> All { get; } =
        [BirthCertificate, MarriageCertificate, LandUseRightCertificate, HouseholdBusinessRegistration, ConstructionPermit, JudicialRecordCertificate];

    public static DocumentType? FromSlug(string? slug) => All.FirstOrDefault(t => t.Slug == slug);

    public string SchemaFileName => $"{Slug}.v{SchemaVersion}.schema.json";

    public override string ToString() => Slug;
}
