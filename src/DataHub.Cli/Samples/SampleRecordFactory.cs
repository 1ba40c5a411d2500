using System.Globalization;
using static DataHub.Cli.Samples.SamplePeople;

namespace DataHub.Cli.Samples;

/// <summary>
/// Generates sample record number <c>sequence</c> from its own seeded random source, so any record can
/// be regenerated on its own (duplicates and late corrections refer back to earlier records) and the
/// same seed always gives byte-identical files.
/// </summary>
internal sealed class SampleRecordFactory(int seed, DateOnly referenceDate, double badRate)
{
    private static readonly BadRecordKind[] CommonBadKinds =
    [
        BadRecordKind.IdWrongLength, BadRecordKind.IdNonDigit, BadRecordKind.UnknownProvince, BadRecordKind.IdBirthYearMismatch,
        BadRecordKind.ImpossibleDate, BadRecordKind.FutureIssueDate, BadRecordKind.IssueBeforeBirth, BadRecordKind.MissingRequired,
        BadRecordKind.DuplicateResultNumber, BadRecordKind.PathLikeResultNumber, BadRecordKind.ExtremelyLongField,
    ];

    public Random RandomFor(long sequence) => new(unchecked((int)(seed * 1_000_003L + sequence * 7_919L)));

    /// <summary>Agency of a sequence number: civil status takes half, land and business a quarter each.</summary>
    public static string AgencyOf(long sequence) => (sequence % 4) switch { 0 or 1 => "civil-status", 2 => "land-registry", _ => "business-registration" };

    public SampleRecord Create(long sequence, bool allowBad = true)
    {
        var r = RandomFor(sequence);
        // Always draw, so a record regenerated with allowBad: false is the same record, only unspoiled.
        var roll = r.NextDouble();
        var bad = allowBad && roll < badRate;
        var record = AgencyOf(sequence) switch
        {
            "civil-status" => r.Next(10) < 7 || sequence % 4 == 0 ? Birth(sequence, r) : Marriage(sequence, r),
            "land-registry" => Land(sequence, r),
            _ => Business(sequence, r),
        };
        if (bad) Spoil(record, r);
        return record;
    }

    private SampleRecord Birth(long sequence, Random r)
    {
        var female = r.Next(2) == 1;
        var birth = Date(r, 1995, referenceDate.Year - 1);
        var registered = birth.AddDays(r.Next(1, 60));
        if (registered > referenceDate) registered = referenceDate;
        var address = Address(r, out var district, out var commune);
        var (code, name) = Commune(district, commune);
        var fatherBirth = Date(r, birth.Year - 40, birth.Year - 22);
        var motherBirth = Date(r, birth.Year - 38, birth.Year - 20);
        var surname = Pick(r, Surnames);
        return new SampleRecord
        {
            Sequence = sequence, Kind = "birth", TypeCode = "KQ.G15.000031", ResultNumber = $"{sequence + 1}/{registered.Year}",
            IssueDate = Dmy(registered), AgencyCode = code, AgencyName = name, AgencyLevel = "commune",
            DossierCode = Dossier(code, registered, sequence), ProcedureCode = "1.001193", UpdatedAt = Updated(registered, r),
            Name = $"{surname} {Pick(r, female ? FemaleMiddle : MaleMiddle)} {Pick(r, female ? FemaleGiven : MaleGiven)}",
            CitizenId = CitizenId(r, birth, female), BirthDate = Dmy(birth), Sex = female ? "Nữ" : "Nam",
            Place = r.Next(4) == 0 ? "Bệnh viện Đa khoa tỉnh Quảng Nam" : $"Trạm Y tế xã {commune}, {district}, Quảng Nam",
            Name2 = $"{surname} {Pick(r, MaleMiddle)} {Pick(r, MaleGiven)}", CitizenId2 = CitizenId(r, fatherBirth, false), BirthDate2 = Dmy(fatherBirth),
            Name3 = Name(r, true), CitizenId3 = CitizenId(r, motherBirth, true),
            Book = $"{1 + r.Next(3):00}/{registered.Year}",
        };
    }

    private SampleRecord Marriage(long sequence, Random r)
    {
        var husbandBirth = Date(r, 1960, referenceDate.Year - 20);
        var wifeBirth = Date(r, Math.Max(1960, husbandBirth.Year - 5), Math.Min(referenceDate.Year - 18, husbandBirth.Year + 8));
        var earliest = new DateOnly(Math.Max(husbandBirth.Year + 20, wifeBirth.Year + 18), 1, 1);
        var registered = DateOnly.FromDayNumber(earliest.DayNumber + r.Next(Math.Max(1, referenceDate.DayNumber - earliest.DayNumber)));
        var address = Address(r, out var district, out var commune);
        var (code, name) = Commune(district, commune);
        return new SampleRecord
        {
            Sequence = sequence, Kind = "marriage", TypeCode = "KQ.G15.000032", ResultNumber = $"{sequence + 1}/{registered.Year}",
            IssueDate = Dmy(registered), AgencyCode = code, AgencyName = name, AgencyLevel = "commune",
            DossierCode = Dossier(code, registered, sequence), ProcedureCode = "1.000894", UpdatedAt = Updated(registered, r),
            Name = Name(r, false), CitizenId = CitizenId(r, husbandBirth, false), BirthDate = Dmy(husbandBirth), Place = address,
            Name2 = Name(r, true), CitizenId2 = CitizenId(r, wifeBirth, true), BirthDate2 = Dmy(wifeBirth), Place2 = Address(r, out _, out _),
        };
    }

    private SampleRecord Land(long sequence, Random r)
    {
        var ownerBirth = Date(r, 1945, 1998);
        var issued = Date(r, Math.Max(2005, ownerBirth.Year + 18), referenceDate.Year);
        if (issued > referenceDate) issued = referenceDate;
        var address = Address(r, out var district, out _);
        var districtIndex = Array.FindIndex(Places, p => p.District == district) + 1;
        var provincial = r.Next(3) == 0;
        var female = r.Next(3) == 0;
        var record = new SampleRecord
        {
            Sequence = sequence, Kind = "land", ResultNumber = $"CS{sequence + 1:000000}", IssueDate = Dmy(issued),
            AgencyCode = provincial ? "000.00.15.H47" : $"000.{districtIndex:00}.15.H47",
            AgencyName = provincial ? "Sở Tài nguyên và Môi trường tỉnh Quảng Nam" : $"Chi nhánh Văn phòng đăng ký đất đai {district}",
            AgencyLevel = provincial ? "province" : "district", ProcedureCode = "1.004227", UpdatedAt = Updated(issued, r),
            Name = Name(r, female), CitizenId = CitizenId(r, ownerBirth, female), BirthDate = Dmy(ownerBirth), Place = address,
            Serial = $"{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))} {r.Next(100000, 999999)}",
            Parcel = r.Next(1, 2000).ToString(CultureInfo.InvariantCulture), MapSheet = r.Next(1, 80).ToString(CultureInfo.InvariantCulture),
            Area = (r.Next(400, 50000) / 10.0).ToString("0.0", CultureInfo.GetCultureInfo("vi-VN")),
            Purpose = Pick(r, ["Đất ở tại nông thôn", "Đất ở tại đô thị", "Đất trồng cây lâu năm", "Đất trồng lúa"]),
            Term = Pick(r, ["Lâu dài", "Đến ngày 15/10/2063"]),
            Origin = Pick(r, ["Nhà nước công nhận quyền sử dụng đất như giao đất có thu tiền sử dụng đất", "Nhận chuyển nhượng đất được Công nhận QSDĐ như giao đất có thu tiền sử dụng đất", "Được tặng cho đất"]),
        };
        record.DossierCode = Dossier(record.AgencyCode, issued, sequence);
        if (r.Next(4) == 0)
        {
            var spouseBirth = Date(r, ownerBirth.Year - 3, Math.Min(ownerBirth.Year + 5, 2000));
            record.Name2 = Name(r, !female);
            record.CitizenId2 = CitizenId(r, spouseBirth, !female);
        }
        return record;
    }

    private SampleRecord Business(long sequence, Random r)
    {
        var female = r.Next(2) == 1;
        var ownerBirth = Date(r, 1955, 2002);
        var issued = Date(r, Math.Max(2010, ownerBirth.Year + 18), referenceDate.Year);
        if (issued > referenceDate) issued = referenceDate;
        var address = Address(r, out var district, out _);
        var districtIndex = Array.FindIndex(Places, p => p.District == district) + 1;
        var place = Places[districtIndex - 1];
        var owner = Name(r, female);
        var trade = Pick(r, ["Tạp hóa", "Quán cà phê", "Sửa chữa xe máy", "Bán lẻ lương thực, thực phẩm", "Nhà hàng ăn uống", "May mặc", "Kinh doanh vật liệu xây dựng", "Dịch vụ lưu trú ngắn ngày"]);
        var record = new SampleRecord
        {
            Sequence = sequence, Kind = "business", ResultNumber = $"40{(char)('A' + districtIndex)}8{sequence + 1:000000}", IssueDate = Dmy(issued),
            AgencyCode = $"000.{districtIndex:00}.30.H47", AgencyName = $"Phòng Tài chính - Kế hoạch {place.Kind} {district}", AgencyLevel = "district",
            ProcedureCode = "2.000720", UpdatedAt = Updated(issued, r),
            Name = owner, CitizenId = CitizenId(r, ownerBirth, female), BirthDate = Dmy(ownerBirth), Sex = female ? "Nữ" : "Nam", Place = address,
            BusinessName = $"{trade} {owner.Split(' ')[^1]}", Lines = trade,
            Capital = (r.Next(5, 500) * 10_000_000L).ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")),
            Status = r.Next(20) == 0 ? "Tạm ngừng kinh doanh" : "Đang hoạt động",
            LegacyEncoded = r.Next(100) < 15, // old district software typed in TCVN3 (.VnTime) fonts
        };
        record.DossierCode = Dossier(record.AgencyCode, issued, sequence);
        return record;
    }

    private void Spoil(SampleRecord record, Random r)
    {
        var kinds = record.Kind switch
        {
            "birth" or "marriage" => [.. CommonBadKinds, BadRecordKind.UnknownDocumentType],
            "business" => [.. CommonBadKinds, BadRecordKind.TruncatedRow],
            _ => CommonBadKinds,
        };
        var kind = kinds[r.Next(kinds.Length)];
        if (kind == BadRecordKind.DuplicateResultNumber && record.Sequence < 4) kind = BadRecordKind.MissingRequired;
        record.Bad = kind;
        var year = int.Parse(record.IssueDate[^4..], CultureInfo.InvariantCulture);
        switch (kind)
        {
            case BadRecordKind.IdWrongLength: record.CitizenId = record.CitizenId[..11]; break;
            case BadRecordKind.IdNonDigit: record.CitizenId = record.CitizenId[..6] + "O" + record.CitizenId[7..]; break;
            case BadRecordKind.UnknownProvince: record.CitizenId = "003" + record.CitizenId[3..]; break;
            case BadRecordKind.IdBirthYearMismatch:
                // The ID says another year of birth than the record: an identity mismatch, which goes to review.
                var yy = int.Parse(record.CitizenId.AsSpan(4, 2), CultureInfo.InvariantCulture);
                record.CitizenId = string.Concat(record.CitizenId.AsSpan(0, 4), ((yy + 99) % 100).ToString("00", CultureInfo.InvariantCulture), record.CitizenId.AsSpan(6));
                if (record.CitizenId.Substring(4, 2) == "99" && record.CitizenId[3] is '2' or '3') record.CitizenId = record.CitizenId[..4] + "01" + record.CitizenId[6..];
                break;
            case BadRecordKind.ImpossibleDate: record.IssueDate = $"{30 + r.Next(2)}/02/{year}"; break;
            case BadRecordKind.FutureIssueDate: record.IssueDate = $"{record.IssueDate[..6]}{referenceDate.Year + 5}"; break;
            case BadRecordKind.IssueBeforeBirth: record.IssueDate = $"{record.BirthDate[..6]}{int.Parse(record.BirthDate[^4..], CultureInfo.InvariantCulture) - 1}"; break;
            case BadRecordKind.MissingRequired: record.Name = ""; break;
            case BadRecordKind.DuplicateResultNumber:
                var earlier = Create(record.Sequence - 4, allowBad: false);
                if (earlier.Kind != record.Kind) { record.Name = ""; record.Bad = BadRecordKind.MissingRequired; break; }
                record.ResultNumber = earlier.ResultNumber;
                record.AgencyCode = earlier.AgencyCode;
                record.AgencyName = earlier.AgencyName;
                break;
            case BadRecordKind.UnknownDocumentType: record.TypeCode = "KQ.G15.000099"; break;
            case BadRecordKind.PathLikeResultNumber: record.ResultNumber = r.Next(2) == 0 ? "../../../etc/passwd" : "..\\..\\Windows\\win.ini"; break;
            case BadRecordKind.ExtremelyLongField: record.Name = string.Concat(Enumerable.Repeat(record.Name + " ", 400)); break;
            case BadRecordKind.TruncatedRow: break; // the CSV writer cuts the row short
        }
    }

    private static (string Code, string Name) Commune(string district, string commune)
    {
        var d = Array.FindIndex(Places, p => p.District == district);
        var c = Array.IndexOf(Places[d].Communes, commune);
        var prefix = Places[d].Kind == "huyện" ? "xã" : "phường";
        return ($"{d * 10 + c + 1:000}.{d + 1:00}.20.H47", $"UBND {prefix} {commune}, {Places[d].Kind} {district}");
    }

    private static string Dossier(string agencyCode, DateOnly date, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyCode}-{date:yyMMdd}-{sequence % 10000:0000}");

    private static string Updated(DateOnly date, Random r) =>
        date.ToDateTime(new TimeOnly(7 + r.Next(10), r.Next(60))).ToString("yyyy-MM-dd'T'HH:mm:ss'+07:00'", CultureInfo.InvariantCulture);
}
