using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataHub.Cli.Samples;

/// <summary>Civil-status export (hộ tịch): a JSON array, field names as the civil-status database exports them.</summary>
internal sealed class CivilStatusJsonWriter : ISampleFileWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly Stream _stream;

    public CivilStatusJsonWriter(string path)
    {
        _stream = File.Create(path);
        _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartArray();
    }

    public void Write(SampleRecord r)
    {
        _json.WriteStartObject();
        _json.WriteString("maHoSo", r.DossierCode);
        _json.WriteString("maTTHC", r.ProcedureCode);
        _json.WriteString("maLoaiKetQua", r.TypeCode);
        _json.WriteString("soDangKy", r.ResultNumber);
        _json.WriteString("ngayDangKy", r.IssueDate);
        _json.WriteStartObject("donViCap");
        _json.WriteString("ma", r.AgencyCode);
        _json.WriteString("ten", r.AgencyName);
        _json.WriteString("cap", r.AgencyLevel);
        _json.WriteEndObject();
        if (r.Kind == "birth")
        {
            _json.WriteString("quyenSo", r.Book);
            _json.WriteStartObject("nguoiDuocKhaiSinh");
            _json.WriteString("hoTen", r.Name);
            _json.WriteString("gioiTinh", r.Sex);
            _json.WriteString("ngaySinh", r.BirthDate);
            _json.WriteString("noiSinh", r.Place);
            _json.WriteString("danToc", "Kinh");
            _json.WriteString("quocTich", "Việt Nam");
            _json.WriteString("soDinhDanh", r.CitizenId);
            _json.WriteEndObject();
            Person("cha", r.Name2, r.CitizenId2, null, null);
            Person("me", r.Name3, r.CitizenId3, null, null);
        }
        else
        {
            Person("chong", r.Name, r.CitizenId, r.BirthDate, r.Place);
            Person("vo", r.Name2, r.CitizenId2, r.BirthDate2, r.Place2);
        }
        _json.WriteString("ngayCapNhat", r.UpdatedAt);
        _json.WriteEndObject();
    }

    private void Person(string name, string fullName, string id, string? birth, string? residence)
    {
        _json.WriteStartObject(name);
        _json.WriteString("hoTen", fullName);
        _json.WriteString("soDinhDanh", id);
        if (birth is not null) _json.WriteString("ngaySinh", birth);
        if (residence is not null) _json.WriteString("noiCuTru", residence);
        _json.WriteEndObject();
    }

    /// <summary>Ends the file broken off mid-record, as an interrupted export would.</summary>
    public void Break()
    {
        _json.Flush();
        _stream.Write("\n  {\n    \"maHoSo\": \"000.01.20.H47-240101-0001\",\n    \"soDangKy\": \"99"u8);
        _stream.Dispose();
    }

    public void Dispose()
    {
        if (!_stream.CanWrite) return;
        _json.WriteEndArray();
        _json.Dispose();
        _stream.Dispose();
    }
}
