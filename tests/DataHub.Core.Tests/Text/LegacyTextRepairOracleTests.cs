using System.Text;
using DataHub.Core.Text;

namespace DataHub.Core.Tests.Text;

/// <summary>
/// Repair checked against glibc iconv as an independent oracle: iconv produces the legacy bytes, .NET's code pages
/// read them the way a misconfigured tool would, and Repair must give back the original text.
/// </summary>
public class LegacyTextRepairOracleTests
{
    private static readonly IReadOnlyList<string> Corpus = VietnameseCorpus.All();

    private static void AssertRepairsAll(IReadOnlyList<string> originals, IReadOnlyList<string> broken, LegacyEncoding expected)
    {
        var failures = new List<string>();
        for (int i = 0; i < originals.Count; i++)
        {
            if (broken[i] == originals[i]) { failures.Add($"encoding did not change '{originals[i]}'"); continue; }
            var r = LegacyTextRepair.Repair(broken[i]);
            if (r.Text != originals[i] || r.DetectedEncoding != expected || !r.Repaired)
            {
                failures.Add($"'{broken[i]}' → '{r.Text}' ({r.DetectedEncoding}, repaired={r.Repaired}); expected '{originals[i]}'");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {originals.Count} failed:\n" + string.Join('\n', failures.Take(40)));
    }

    private static List<string> ViaIconv(IReadOnlyList<string> lines, string iconvEncoding, Encoding readAs) =>
        Iconv.EncodeLines(lines, iconvEncoding).Select(b => readAs.GetString(b)).ToList();

    [Fact]
    public void Corpus_is_large_and_covers_every_special_letter()
    {
        Assert.True(Corpus.Count >= 200);
        string all = string.Concat(Corpus) + string.Concat(VietnameseCorpus.LetterCoverage());
        foreach (char c in "ăâđêôơưĂÂĐÊÔƠƯ") Assert.Contains(c, all);
        int precomposed = all.Distinct().Count(c => c is >= '\u1EA0' and <= '\u1EF9');
        Assert.Equal(90, precomposed); // U+1EA0..U+1EF9 is 90 letters: all of Latin Extended Additional's Vietnamese block
    }

    [Fact]
    public void Tcvn3_table_is_what_glibc_iconv_decodes_byte_by_byte()
    {
        for (int b = 0; b < 256; b++)
        {
            string decoded = Encoding.UTF8.GetString(Iconv.Convert([(byte)b], "TCVN5712-1", "UTF-8"));
            Assert.Equal(decoded, Tcvn3Table.Decode[b].ToString());
        }
    }

    [Fact]
    public void Windows1252_mapping_matches_dotnet_code_page_both_ways()
    {
        for (int b = 0; b < 256; b++)
        {
            char c = Iconv.Cp1252.GetString([(byte)b])[0];
            Assert.Equal(c, Windows1252.ToChar((byte)b));
            Assert.Equal(b, Windows1252.ToByte(c));
        }
        Assert.Equal(-1, Windows1252.ToByte('ă'));
    }

    [Fact]
    public void Cp1258_table_matches_dotnet_code_page()
    {
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(Iconv.Cp1258.GetString([(byte)b])[0], Cp1258Table.Decode[b]);
        }
    }

    [Fact]
    public void Tcvn3_read_as_cp1252_is_repaired_for_the_whole_corpus()
    {
        AssertRepairsAll(Corpus, ViaIconv(Corpus, "TCVN5712-1", Iconv.Cp1252), LegacyEncoding.Tcvn3);
    }

    [Fact]
    public void Tcvn3_letter_coverage_every_vowel_tone_and_case()
    {
        var lines = VietnameseCorpus.LetterCoverage();
        AssertRepairsAll(lines, ViaIconv(lines, "TCVN5712-1", Iconv.Cp1252), LegacyEncoding.Tcvn3);
    }

    [Fact]
    public void Tcvn3_encoder_produces_what_iconv_produces()
    {
        var lines = Corpus.Concat(VietnameseCorpus.LetterCoverage()).ToList();
        var expected = ViaIconv(lines, "TCVN5712-1", Iconv.Cp1252);
        for (int i = 0; i < lines.Count; i++) Assert.Equal(expected[i], LegacyTextRepair.EncodeAsTcvn3Mojibake(lines[i]));
    }

    [Fact]
    public void Tcvn3_read_as_latin1_is_repaired_too()
    {
        // A Latin-1 reader turns 0x80–0x9F into C1 controls instead of € ‚ ƒ …; TCVN3 keeps capitals there.
        var upper = Corpus.Skip(200).ToList();
        AssertRepairsAll(upper, ViaIconv(upper, "TCVN5712-1", Encoding.Latin1), LegacyEncoding.Tcvn3);
    }

    [Fact]
    public void Windows1258_read_as_cp1252_is_repaired()
    {
        // Realistic when a cp1258 export (Vietnamese Windows' ANSI code page) is loaded by a server or ETL tool
        // whose default code page is 1252: tone bytes show up as Ì ì Þ Ò ò, ơ/ư/đ/ă as õ ý ð ã.
        var lines = Corpus.Concat(VietnameseCorpus.LetterCoverage()).ToList();
        var broken = ViaIconv(lines, "WINDOWS-1258", Iconv.Cp1252);
        // Text made only of letters cp1258 shares with cp1252 ("Hoàng Hoè", "Lâm Uyên") is unaffected.
        var changed = Enumerable.Range(0, lines.Count).Where(i => broken[i] != lines[i]).ToList();
        Assert.True(changed.Count > lines.Count * 9 / 10);
        AssertRepairsAll(changed.Select(i => lines[i]).ToList(), changed.Select(i => broken[i]).ToList(), LegacyEncoding.Windows1258Decomposed);
        foreach (int i in Enumerable.Range(0, lines.Count).Except(changed)) Assert.False(LegacyTextRepair.Repair(broken[i]).Repaired, broken[i]);
    }

    [Fact]
    public void Windows1258_decoded_correctly_is_still_decomposed_and_gets_composed()
    {
        // Decoded with the right code page, cp1258 text is base letter + combining tone (glibc even splits ý, ì, ò):
        // correct characters, but not NFC, so it compares unequal and indexes badly until composed.
        var lines = Corpus.Concat(VietnameseCorpus.LetterCoverage()).ToList();
        var decoded = ViaIconv(lines, "WINDOWS-1258", Iconv.Cp1258);
        Assert.Contains(decoded, s => s.Contains('\u0303'));
        var changed = Enumerable.Range(0, lines.Count).Where(i => decoded[i] != lines[i]).ToList();
        Assert.True(changed.Count > lines.Count * 9 / 10);
        AssertRepairsAll(changed.Select(i => lines[i]).ToList(), changed.Select(i => decoded[i]).ToList(), LegacyEncoding.Windows1258Decomposed);
    }

    [Fact]
    public void Utf8_read_as_cp1252_or_latin1_is_repaired()
    {
        var lines = Corpus.Concat(VietnameseCorpus.LetterCoverage()).ToList();
        var asCp1252 = lines.Select(s => Iconv.Cp1252.GetString(Encoding.UTF8.GetBytes(s))).ToList();
        var asLatin1 = lines.Select(s => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(s))).ToList();
        AssertRepairsAll(lines, asCp1252, LegacyEncoding.Utf8AsWindows1252);
        AssertRepairsAll(lines, asLatin1, LegacyEncoding.Utf8AsWindows1252);
    }

    [Fact]
    public void Repaired_corpus_passes_the_quarantine_check_and_the_broken_one_does_not()
    {
        var tcvn = ViaIconv(Corpus, "TCVN5712-1", Iconv.Cp1252);
        var utf8 = Corpus.Select(s => Iconv.Cp1252.GetString(Encoding.UTF8.GetBytes(s))).ToList();
        for (int i = 0; i < Corpus.Count; i++)
        {
            Assert.True(LegacyTextRepair.LooksLikeValidVietnamese(Corpus[i], out var reason), $"{Corpus[i]}: {reason}");
            Assert.False(LegacyTextRepair.LooksLikeValidVietnamese(tcvn[i]), tcvn[i]);
            Assert.False(LegacyTextRepair.LooksLikeValidVietnamese(utf8[i]), utf8[i]);
        }
    }
}
