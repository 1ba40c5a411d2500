using System.Text;
using System.Xml;

namespace DataHub.Cli.Samples;

/// <summary>Land-registry export (Văn phòng đăng ký đất đai): XML, one GiayChungNhan element per certificate.</summary>
internal sealed class LandRegistryXmlWriter : ISampleFileWriter
{
    private readonly Stream _stream;
    private readonly XmlWriter _xml;

    public LandRegistryXmlWriter(string path)
    {
        _stream = File.Create(path);
        _xml = XmlWriter.Create(_stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        _xml.WriteStartDocument();
        _xml.WriteStartElement("DuLieuGiayChungNhan");
        _xml.WriteAttributeString("DonViXuat", "Văn phòng đăng ký đất đai tỉnh Quảng Nam");
    }

    public void Write(SampleRecord r)
    {
        _xml.WriteStartElement("GiayChungNhan");
        _xml.WriteAttributeString("SoPhatHanh", r.Serial);
        _xml.WriteElementString("SoVaoSo", r.ResultNumber);
        _xml.WriteElementString("NgayCap", r.IssueDate);
        _xml.WriteStartElement("CoQuanCap");
        _xml.WriteAttributeString("Ma", r.AgencyCode);
        _xml.WriteAttributeString("Cap", r.AgencyLevel);
        _xml.WriteString(r.AgencyName);
        _xml.WriteEndElement();
        _xml.WriteElementString("MaHoSo", r.DossierCode);
        _xml.WriteElementString("MaTTHC", r.ProcedureCode);
        _xml.WriteStartElement("NguoiSuDung");
        _xml.WriteElementString("HoTen", r.Name);
        _xml.WriteElementString("SoDinhDanh", r.CitizenId);
        _xml.WriteElementString("NgaySinh", r.BirthDate);
        _xml.WriteEndElement();
        if (r.Name2.Length > 0)
        {
            _xml.WriteStartElement("DongSuDung");
            _xml.WriteElementString("HoTen", r.Name2);
            _xml.WriteElementString("SoDinhDanh", r.CitizenId2);
            _xml.WriteEndElement();
        }
        _xml.WriteStartElement("ThuaDat");
        _xml.WriteAttributeString("So", r.Parcel);
        _xml.WriteAttributeString("ToBanDo", r.MapSheet);
        _xml.WriteElementString("DiaChi", r.Place);
        _xml.WriteElementString("DienTich", r.Area);
        _xml.WriteElementString("MucDichSuDung", r.Purpose);
        _xml.WriteElementString("ThoiHanSuDung", r.Term);
        _xml.WriteElementString("NguonGocSuDung", r.Origin);
        _xml.WriteEndElement();
        _xml.WriteElementString("NgayCapNhat", r.UpdatedAt);
        _xml.WriteEndElement();
    }

    public void Break()
    {
        _xml.Flush();
        _stream.Write("\n  <GiayChungNhan SoPhatHanh=\"CS 000001\">\n    <SoVaoSo>CS9"u8);
        _stream.Dispose();
    }

    public void Dispose()
    {
        if (!_stream.CanWrite) return;
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Dispose();
        _stream.Dispose();
    }
}
