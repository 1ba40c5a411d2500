using System.Text;

namespace DataHub.Ocr.Tests.Support;

/// <summary>
/// Writes minimal PDFs: image-only pages (a scanner's output) and an encrypted one. Hand-built because
/// ImageMagick's policy forbids writing PDF and no PDF library restores here.
/// </summary>
internal static class TestPdf
{
    /// <summary>One A4 page per gray JPEG, no text layer.</summary>
    public static void WriteImageOnly(string path, params string[] grayJpegs) => Write(path, grayJpegs, encrypted: false);

    /// <summary>
    /// A PDF under the standard security handler whose user password is not empty: poppler refuses it
    /// exactly as it refuses a real password-protected scan.
    /// </summary>
    public static void WriteEncrypted(string path, string grayJpeg) => Write(path, [grayJpeg], encrypted: true);

    private static void Write(string path, string[] jpegs, bool encrypted)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Obj(string s) { offsets.Add(pdf.Position); Text(s); }
        Text("%PDF-1.4\n");
        var kids = string.Join(" ", jpegs.Select((_, i) => $"{3 + i * 3} 0 R"));
        Obj("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Obj($"2 0 obj\n<< /Type /Pages /Kids [ {kids} ] /Count {jpegs.Length} >>\nendobj\n");
        for (var i = 0; i < jpegs.Length; i++)
        {
            var bytes = File.ReadAllBytes(jpegs[i]);
            var (w, h) = JpegSize(bytes);
            int page = 3 + i * 3, image = 4 + i * 3, content = 5 + i * 3;
            Obj($"{page} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>\nendobj\n");
            Obj($"{image} 0 obj\n<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {bytes.Length} >>\nstream\n");
            pdf.Write(bytes);
            Text("\nendstream\nendobj\n");
            const string draw = "q 595 0 0 842 0 0 cm /Im0 Do Q";
            Obj($"{content} 0 obj\n<< /Length {draw.Length} >>\nstream\n{draw}\nendstream\nendobj\n");
        }
        var encryptRef = "";
        if (encrypted)
        {
            var n = offsets.Count + 1;
            Obj($"{n} 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <{new string('7', 64)}> /U <{new string('3', 64)}> /P -44 >>\nendobj\n");
            encryptRef = $" /Encrypt {n} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]";
        }
        var xref = pdf.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Text($"{o:D10} 00000 n \n");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R{encryptRef} >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllBytes(path, pdf.ToArray());
    }

    /// <summary>Width and height from the JPEG's SOF marker.</summary>
    private static (int W, int H) JpegSize(byte[] b)
    {
        for (var i = 2; i + 9 < b.Length;)
        {
            if (b[i] != 0xFF) { i++; continue; }
            var marker = b[i + 1];
            var len = (b[i + 2] << 8) | b[i + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
            }
            i += 2 + len;
        }
        throw new InvalidDataException("no SOF marker in JPEG");
    }
}
