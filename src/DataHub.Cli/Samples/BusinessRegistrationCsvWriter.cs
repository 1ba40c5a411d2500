using System.Text;
using DataHub.Core.Text;

namespace DataHub.Cli.Samples;

/// <summary>
/// Household-business registrations (hộ kinh doanh) as district software exports them: CSV, UTF-8, but
/// rows typed in TCVN3 fonts arrive as mojibake ("NguyÔn") — DataHub must repair them.
/// </summary>
internal sealed class BusinessRegistrationCsvWriter : ISampleFileWriter
{
    private static readonly string[] Header =
        ["MaSoHKD", "TenHoKinhDoanh", "DiaChiKinhDoanh", "NganhNghe", "VonKinhDoanh", "ChuHoKinhDoanh", "SoDinhDanh", "NgaySinh", "GioiTinh",
         "TinhTrang", "NgayCap", "MaCoQuan", "TenCoQuan", "CapCoQuan", "MaHoSo", "MaTTHC", "NgayCapNhat"];

    private readonly StreamWriter _writer;

    public BusinessRegistrationCsvWriter(string path)
    {
        _writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        _writer.WriteLine(string.Join(',', Header));
    }

    public void Write(SampleRecord r)
    {
        string T(string s) => r.LegacyEncoded ? LegacyTextRepair.EncodeAsTcvn3Mojibake(s) : s;
        string[] cells =
        [
            r.ResultNumber, T(r.BusinessName), T(r.Place), T(r.Lines), r.Capital, T(r.Name), r.CitizenId, r.BirthDate, T(r.Sex),
            T(r.Status), r.IssueDate, r.AgencyCode, r.AgencyName, r.AgencyLevel, r.DossierCode, r.ProcedureCode, r.UpdatedAt,
        ];
        if (r.Bad == BadRecordKind.TruncatedRow) cells = cells[..7];
        _writer.WriteLine(string.Join(',', cells.Select(Escape)));
    }

    private static string Escape(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public void Break()
    {
        _writer.Write("40B8999999,\"Tạp hóa");
        _writer.Dispose();
    }

    public void Dispose() => _writer.Dispose();
}
