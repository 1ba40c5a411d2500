using System.Text;
using DataHub.Core.Text;

namespace DataHub.Core.Tests.Text;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("  Nguyễn   Văn\tAn  ", "Nguyễn Văn An")]
    [InlineData("Nguyễn\u00A0Văn\u2003An", "Nguyễn Văn An")]          // NBSP, em space
    [InlineData("Hà\u3000Nội\r\n", "Hà Nội")]                          // ideographic space, CRLF
    [InlineData("Nguy\u200Bễn Văn An", "Nguyễn Văn An")]               // ZWSP inside a word is dropped, not a space
    [InlineData("Nguyễn \u200B Văn", "Nguyễn Văn")]                    // ...and does not make a double space
    [InlineData("\uFEFFNguyễn\u200D Văn\u2060", "Nguyễn Văn")]         // BOM, ZWJ, word joiner
    [InlineData("A\u0001B\u007FC\u0085D", "ABC D")]                    // C0/DEL removed; NEL is a line break → space
    [InlineData("Nguye\u0302\u0303n", "Nguyễn")]                       // NFD → NFC
    [InlineData("Hoa\u0300", "Hoà")]
    [InlineData("so\u00ADft", "soft")]                                  // soft hyphen is invisible
    [InlineData("   ", "")]
    [InlineData("\t", "")]
    public void Normalizes(string input, string expected)
    {
        string result = VietnameseText.Normalize(input);
        Assert.Equal(expected, result);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Null_and_empty_become_empty()
    {
        Assert.Equal("", VietnameseText.Normalize(null));
        Assert.Equal("", VietnameseText.Normalize(""));
    }

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("KQ.G15.000031")]
    [InlineData("Số 12/3 đường Lê Lợi, phường Bến Nghé")]
    [InlineData("a")]
    [InlineData("Ελλάδα 東京")]
    public void Clean_text_is_returned_as_the_same_instance(string text)
    {
        Assert.Same(text, VietnameseText.Normalize(text));
    }

    [Fact]
    public void Clean_text_costs_no_allocation()
    {
        // Vietnamese and ASCII only: other scripts go through string.IsNormalized, which costs ~96 bytes (ICU).
        string[] inputs = ["Nguyễn Văn An", "KQ.G15.000031", "Số 12/3 đường Lê Lợi, phường Bến Nghé", "ĐỖ THỊ ĐÀO"];
        foreach (string s in inputs) VietnameseText.Normalize(s);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            foreach (string s in inputs) VietnameseText.Normalize(s);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Long_text_beyond_the_stack_buffer_is_normalized()
    {
        string input = string.Concat(Enumerable.Repeat("Nguyễn  Văn\tAn ", 100));
        string expected = string.Join(' ', Enumerable.Repeat("Nguyễn Văn An", 100));
        Assert.Equal(expected, VietnameseText.Normalize(input));
    }

    [Fact]
    public void Fast_path_assumption_holds_every_char_below_U0300_and_in_Latin_Extended_Additional_is_NFC()
    {
        // VietnameseText skips the ICU normalisation check for these ranges; prove that is safe for each character.
        var ranges = Enumerable.Range(0, 0x300).Concat(Enumerable.Range(0x1E00, 0x100));
        foreach (int cp in ranges)
        {
            string s = ((char)cp).ToString();
            Assert.True(s.IsNormalized(NormalizationForm.FormC), $"U+{cp:X4}");
        }
    }
}
