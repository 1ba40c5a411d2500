using System.Buffers.Binary;

namespace DataHub.Ocr;

/// <summary>
/// Walks the IFD chain of a TIFF to learn every page's size before anything is decoded: Leptonica's
/// header reader only looks at the first page, and a bomb can hide on page 2.
/// </summary>
internal static class TiffDirectory
{
    private const int MaxPages = 10_000;

    public static bool IsTiff(ReadOnlySpan<byte> data) =>
        data.Length >= 8 && ((data[0] == 'I' && data[1] == 'I' && data[2] == 42 && data[3] == 0) ||
                             (data[0] == 'M' && data[1] == 'M' && data[2] == 0 && data[3] == 42));

    /// <summary>Page sizes in file order, or null when the structure is broken (truncated, looping).</summary>
    public static List<(long Width, long Height)>? ReadPageSizes(ReadOnlySpan<byte> data)
    {
        if (!IsTiff(data)) return null;
        var little = data[0] == 'I';
        uint U32(ReadOnlySpan<byte> d, long at) => little ? BinaryPrimitives.ReadUInt32LittleEndian(d.Slice((int)at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(d.Slice((int)at, 4));
        ushort U16(ReadOnlySpan<byte> d, long at) => little ? BinaryPrimitives.ReadUInt16LittleEndian(d.Slice((int)at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(d.Slice((int)at, 2));

        var pages = new List<(long, long)>();
        var seen = new HashSet<long>();
        long ifd = U32(data, 4);
        while (ifd != 0)
        {
            if (pages.Count >= MaxPages || !seen.Add(ifd) || ifd + 2 > data.Length) return null;
            int entries = U16(data, ifd);
            long end = ifd + 2 + entries * 12L;
            if (end + 4 > data.Length) return null;
            long w = -1, h = -1;
            for (var i = 0; i < entries; i++)
            {
                long e = ifd + 2 + i * 12L;
                var tag = U16(data, e);
                if (tag is not (256 or 257)) continue;
                var type = U16(data, e + 2);
                long value = type == 3 ? U16(data, e + 8) : U32(data, e + 8);
                if (tag == 256) w = value; else h = value;
            }
            if (w <= 0 || h <= 0) return null;
            pages.Add((w, h));
            ifd = U32(data, end);
        }
        return pages.Count == 0 ? null : pages;
    }
}
