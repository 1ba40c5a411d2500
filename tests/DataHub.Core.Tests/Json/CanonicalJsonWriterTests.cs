using System.Text;
using DataHub.Core.Json;
using Newtonsoft.Json;

namespace DataHub.Core.Tests.Json;

/// <summary>
/// Content hashes of published documents depend on the canonical bytes, which Newtonsoft's
/// <see cref="JsonTextWriter"/> wrote until the normalizer got a writer of its own. The oracle here is
/// Newtonsoft itself, writing the same tree the way the normalizer used to (compact, default escaping,
/// UTF-8 through a stream writer without BOM).
/// </summary>
public class CanonicalJsonWriterTests
{
    private static byte[] Newtonsoft(CanonicalObject document)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(false), 4096, leaveOpen: true))
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            document.ToJObject().WriteTo(writer);
        }
        return stream.ToArray();
    }

    public static TheoryData<string> HostileStrings()
    {
        var data = new TheoryData<string>
        {
            "", "plain", "Nguyễn Văn An", "Nguye\u0302\u0303n", "quote \" inside", "back\\slash", "tab\tnew\nline\r", "\b\f", "\u007f del",
            "\u0085 next line", "line\u2028separator", "para\u2029graph", "</script><!--", "it's", "lone \ud800 high", "lone \udc00 low",
            "pair 😀 emoji", "\ud83d", "\ufeffbom", "\u00a0nbsp", new string('x', 10_000) + "\"",
        };
        for (var c = 0; c < 0x20; c++) data.Add("control " + (char)c + " end");
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Strings_are_written_as_Newtonsoft_writes_them(string value)
    {
        var document = new CanonicalObject { ["value"] = value, [value] = "as a name" };
        Assert.Equal(Newtonsoft(document), CanonicalJsonWriter.ToUtf8(document));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.1)]
    [InlineData(210.5)]
    [InlineData(1e20)]
    [InlineData(1e-7)]
    [InlineData(123456789.123)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Numbers_are_written_as_Newtonsoft_writes_them(double value)
    {
        var document = new CanonicalObject { ["double"] = value, ["long"] = (long)Math.Clamp(value, -1e18, 1e18) };
        Assert.Equal(Newtonsoft(document), CanonicalJsonWriter.ToUtf8(document));
    }

    [Fact]
    public void Nesting_arrays_and_literals_are_written_as_Newtonsoft_writes_them()
    {
        var document = new CanonicalObject
        {
            ["min"] = long.MinValue, ["max"] = long.MaxValue, ["negativeZero"] = -0.0, ["yes"] = true, ["no"] = false, ["nothing"] = null,
            ["empty"] = new CanonicalObject(), ["none"] = Array.Empty<object?>(),
            ["subjects"] = new[] { new CanonicalObject { ["citizenId"] = "049091001230", ["role"] = "owner" }, new CanonicalObject() },
            ["mixed"] = new object?[] { 1L, 2.5, "three", null, new object?[] { true } },
        };
        document["min"] = -1L; // replaced in place, as JObject's indexer does
        Assert.Equal(Newtonsoft(document), CanonicalJsonWriter.ToUtf8(document));
        Assert.StartsWith("{\"min\":-1,\"max\":", Encoding.UTF8.GetString(CanonicalJsonWriter.ToUtf8(document)));
    }

    [Fact]
    public void A_value_of_another_kind_is_refused_not_written_somehow()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJsonWriter.ToUtf8(new CanonicalObject { ["when"] = DateTime.UnixEpoch }));
    }
}
