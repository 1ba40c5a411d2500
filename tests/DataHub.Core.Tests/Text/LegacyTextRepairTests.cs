using System.Text;
using DataHub.Core.Text;

namespace DataHub.Core.Tests.Text;

public class LegacyTextRepairTests
{
    [Theory]
    [InlineData("NguyÔn ThÞ Hång Nhung", "Nguyễn Thị Hồng Nhung")]
    [InlineData("TrÇn V¨n §­îc", "Trần Văn Được")]
    [InlineData("Sè 12 ®­êng Lª Lîi, ph­êng BÕn NghÐ", "Số 12 đường Lê Lợi, phường Bến Nghé")]
    [InlineData("Uû ban nh©n d©n x· Hîp ThÞnh", "Uỷ ban nhân dân xã Hợp Thịnh")]
    public void Tcvn3_examples_from_agency_exports(string broken, string expected)
    {
        var r = LegacyTextRepair.Repair(broken);
        Assert.Equal(new RepairResult(expected, LegacyEncoding.Tcvn3, true), r);
    }

    [Fact]
    public void Tcvn3_all_caps_typed_in_VnTimeH_fonts_comes_back_upper_case()
    {
        // .VnTimeH draws capitals at the lower-case codes, so the bytes are ASCII capitals + lower-case toned letters.
        Assert.Equal("NGUYỄN VĂN ĐƯỢC", LegacyTextRepair.Repair("NGUYÔN V¨N ®­îC").Text);
        // Title case is not all caps even though every ASCII letter is a capital.
        Assert.Equal("Hồ Lê", LegacyTextRepair.Repair("Hå Lª").Text);
    }

    // VNI vectors checked by hand against the VNI-Windows table in xvnkb's vni.h (Dao Hai Lam, 2002,
    // github.com/lamdao/xvnkb): tone marks ù ø û õ ï, circumflex+tone â á à å ã ä, breve+tone ê é è ú ü ë, single
    // bytes ñ=đ ô=ơ ö=ư í ì æ ó ò = toned i, î=ỵ. The first vector is the example in the README of the npm package
    // vietnamese-conversion.
    [Theory]
    [InlineData("Xin chaøo caùc baïn", "Xin chào các bạn")]
    [InlineData("Nguyeãn Thò Hoàng Nhung", "Nguyễn Thị Hồng Nhung")]
    [InlineData("Traàn Vaên Ñöôïc", "Trần Văn Được")]
    [InlineData("Vieät Nam", "Việt Nam")]
    [InlineData("Ñaø Naüng", "Đà Nẵng")]
    [InlineData("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh")]
    [InlineData("Quaûng Ngaõi", "Quảng Ngãi")]
    [InlineData("Nguyeãn Khuyeán", "Nguyễn Khuyến")]
    [InlineData("Möôøng Laùt", "Mường Lát")]
    [InlineData("Ñoã Thò Mî", "Đỗ Thị Mỵ")]
    [InlineData("NGUYEÃN VAÊN ÑÖÔÏC", "NGUYỄN VĂN ĐƯỢC")]
    public void Vni_hand_checked_vectors(string vni, string unicode)
    {
        Assert.Equal(new RepairResult(unicode, LegacyEncoding.Vni, true), LegacyTextRepair.Repair(vni));
        Assert.Equal(vni, LegacyTextRepair.EncodeAsVniMojibake(unicode));
    }

    [Fact]
    public void Vni_round_trip_over_the_corpus_and_every_letter()
    {
        var lines = VietnameseCorpus.All().Concat(VietnameseCorpus.LetterCoverage()).ToList();
        var failures = new List<string>();
        foreach (string s in lines)
        {
            string vni = LegacyTextRepair.EncodeAsVniMojibake(s);
            var r = LegacyTextRepair.Repair(vni);
            if (r != new RepairResult(s, LegacyEncoding.Vni, true)) failures.Add($"'{vni}' → '{r.Text}' ({r.DetectedEncoding}); expected '{s}'");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Utf8_double_decoded_example()
    {
        Assert.Equal(new RepairResult("Nguyễn", LegacyEncoding.Utf8AsWindows1252, true), LegacyTextRepair.Repair("Nguyá»…n"));
        Assert.Equal("Đường", LegacyTextRepair.Repair("Ä\u0090Æ°á»\u009Dng").Text);
    }

    [Fact]
    public void Decomposed_text_is_composed_including_tone_typed_before_circumflex()
    {
        Assert.Equal(new RepairResult("Nguyễn", LegacyEncoding.Windows1258Decomposed, true), LegacyTextRepair.Repair("Nguye\u0302\u0303n"));
        Assert.Equal(new RepairResult("Nguyễn", LegacyEncoding.Windows1258Decomposed, true), LegacyTextRepair.Repair("Nguye\u0303\u0302n"));
        Assert.Equal(new RepairResult("Nguyễn", LegacyEncoding.Windows1258Decomposed, true), LegacyTextRepair.Repair("Nguyê\u0303n"));
        Assert.Equal("Hoà", LegacyTextRepair.Repair("Hoa\u0340").Text); // deprecated U+0340 grave tone mark
    }

    public static TheoryData<string> Untouchable()
    {
        var data = new TheoryData<string>();
        string[] items =
        [
            // Unicode Vietnamese (NFC)
            "Nguyễn Thị Hồng Nhung", "Trần Văn Được", "Số 12/3 đường Lê Lợi", "Phường Bến Nghé, Quận 1", "Đỗ Thị Đào",
            "Uỷ ban nhân dân tỉnh Bắc Giang", "Thủy", "Thuỷ", "Hòa", "Hoà", "Khuỷu", "Nghiêng", "Giữ", "Giò chả", "Quốc",
            "Đắk Lắk", "Buôn Ma Thuột", "Kon Tum", "H'Hen Niê", "Ê Đê", "Ông Ích Khiêm", "Ưng Hoàng Phúc",
            "Yên Bái", "Ỷ Lan", "Mỵ Châu", "Cộng hòa Xã hội Chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
            "Giấy chứng nhận quyền sử dụng đất", "Căn cước công dân", "Sổ hộ khẩu", "Quyết định số 123/QĐ-UBND",
            // Unicode Vietnamese made only of Latin-1 letters: the hard cases, every word a valid syllable
            "Hà Tây", "Lê Tâm", "Võ Hà", "Tô Hoài", "Lâm Uyên", "Hoàng Hoè", "Bùi Kim Phúc", "Hà Thu Phúc", "Lý Thái Tông",
            "Mai Văn Tám".Replace("ă", "a"), "Cà Mau", "Bà Rịa".Replace("ị", "i"), "Võ Thành Tâm", "Phú Yên", "Tây Ninh",
            "Lê Thánh Tôn", "Hà Tiên", "Tô Châu", "Cù Chính Lan", "Phan Thiêt", "Lê Lai", "Ông Tám", "Bé Ba", "Út Hà",
            "Ý Yên", "Tú Xương", "Lò Văn Pá", "Mù Cang Chải",
            // English, identifiers, codes, numbers
            "KQ.G15.000031", "001203004567", "B 123456", "HCM-2021-000123", "john.doe@example.com", "https://dichvucong.gov.vn",
            "Invoice No. 2021/05", "Total: 1,234,567.89", "ISO 8601", "The quick brown fox", "Hello World", "N/A",
            "ABC-123/XYZ", "12/3", "  ", "0", "-", "C/O", "P.O. Box 100", "Room 1203, Tower B", "Smith & Sons Ltd.",
            // Other languages and symbols that a naive decoder would mangle
            "José García", "Hélène Dupont", "Müller GmbH", "São Paulo", "François", "Peña Nieto", "Zoë", "naïve café",
            "25°C", "Giá: 5€", "© 2021", "50 m²", "½ kg", "“Quoted” – dash…", "Œuvre", "Smørrebrød", "Ærø", "Åland",
            "¿Qué?", "¡Hola!", "ÀÁÂÃ", "Straße", "Ça va", "Crème brûlée", "Aña", "Côte d'Ivoire",
            // CJK and other scripts
            "東京", "Москва", "Ελλάδα",
        ];
        foreach (string s in items) data.Add(s);
        return data;
    }

    [Theory]
    [MemberData(nameof(Untouchable))]
    public void Correct_text_is_returned_unchanged_as_the_same_instance(string text)
    {
        var r = LegacyTextRepair.Repair(text);
        Assert.False(r.Repaired, $"'{text}' was 'repaired' to '{r.Text}' as {r.DetectedEncoding}");
        Assert.Equal(LegacyEncoding.None, r.DetectedEncoding);
        Assert.Same(text, r.Text);
    }

    [Fact]
    public void Whole_corpus_in_correct_unicode_is_untouched()
    {
        foreach (string s in VietnameseCorpus.All().Concat(VietnameseCorpus.LetterCoverage()))
        {
            var r = LegacyTextRepair.Repair(s);
            Assert.False(r.Repaired, $"'{s}' → '{r.Text}' ({r.DetectedEncoding})");
            Assert.Same(s, r.Text);
        }
    }

    [Fact]
    public void Random_phrases_of_latin1_only_vietnamese_words_are_untouched()
    {
        // The hardest negatives: correct Unicode Vietnamese made only of cp1252 characters, so every legacy reading
        // is possible. Every word is a valid syllable, so no candidate can gain evidence from it.
        string[] words =
        [
            "Hà", "Tây", "Lê", "Tâm", "Võ", "Tô", "Hoài", "Lâm", "Uyên", "Hoè", "Bùi", "Kim", "Phúc", "Thu", "Lý", "Thái",
            "Tông", "Cà", "Mau", "Phú", "Yên", "Ninh", "Thánh", "Tôn", "Tiên", "Châu", "Cù", "Chính", "Lan", "Ông", "Tám",
            "Bé", "Ba", "Út", "Ý", "Tú", "Lò", "Pá", "Mù", "Cang", "Chải".Replace("ả", "ai"), "Tân", "Bình", "Minh",
            "Thành", "Sài", "Gòn", "Vân", "Hòa", "Xuân", "Quý", "Toàn", "Tuấn".Replace("ấ", "â"), "Nhân", "Khánh", "Quân",
            "Vinh", "Hùng", "Kiên", "Giang", "Tín", "Lành", "Mì", "Chè", "Cá", "Gà", "Bò", "Chó", "Mèo", "Táo", "Cam",
            "Hành", "Tía", "Tô", "Súp", "Cháo", "Lúa", "Ngô", "Khoai", "Sông", "Núi", "Biên", "Hòe", "Thùy", "Thúy",
            "Quyên", "Huyên", "Khuê", "Toán", "Lý", "Hóa", "Sinh", "Văn".Replace("ă", "â"), "Tiêu", "Yêu", "Chiêm",
        ];
        var rng = new Random(20261123);
        for (int i = 0; i < 3000; i++)
        {
            int n = rng.Next(1, 5);
            string phrase = string.Join(' ', Enumerable.Range(0, n).Select(_ => words[rng.Next(words.Length)]));
            var r = LegacyTextRepair.Repair(phrase);
            Assert.False(r.Repaired, $"'{phrase}' → '{r.Text}' ({r.DetectedEncoding})");
        }
    }

    [Fact]
    public void Untouchable_list_has_about_a_hundred_entries()
    {
        Assert.True(Untouchable().Count >= 100);
    }

    [Fact]
    public void Null_and_empty()
    {
        Assert.Equal(new RepairResult("", LegacyEncoding.None, false), LegacyTextRepair.Repair(null));
        Assert.Equal(new RepairResult("", LegacyEncoding.None, false), LegacyTextRepair.Repair(""));
    }

    [Fact]
    public void Repair_of_clean_text_does_not_allocate()
    {
        string[] inputs = ["KQ.G15.000031", "Nguyễn Thị Hồng Nhung", "Số 12/3 đường Lê Lợi", "Hà Tây", "Hoàng Hoè", "Bùi Kim Phúc", "José García"];
        foreach (string s in inputs) LegacyTextRepair.Repair(s); // warm up static tables and JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            foreach (string s in inputs) LegacyTextRepair.Repair(s);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("Nguyễn Thị Hồng Nhung")]
    [InlineData("Số 12/3 đường Lê Lợi, phường Bến Nghé, quận 1")]
    [InlineData("KQ.G15.000031")]
    [InlineData("John Smith")]
    [InlineData("Hà Tây")]
    [InlineData("Đắk Lắk")]
    [InlineData("Trường Trung học phổ thông Nguyễn Du, nhiệt độ 25°C")] // one odd word among seven good ones is tolerated
    [InlineData("")]
    public void Valid_text_passes_the_quarantine_check(string text)
    {
        Assert.True(LegacyTextRepair.LooksLikeValidVietnamese(text, out var reason), reason);
        Assert.Null(reason);
    }

    [Theory]
    [InlineData("Nguy\uFFFDn", "U+FFFD")]
    [InlineData("Nguy\u0085n", "control character U+0085")]
    [InlineData("Nguyá»…n VÄƒn An", "UTF-8 text read as Windows-1252")]
    [InlineData("Ã‰mile", "UTF-8 text read as Windows-1252")]
    [InlineData("NguyÔn ThÞ Hång", "is not a Vietnamese syllable")]
    [InlineData("Ph¹m H÷u Nam", "is not a Vietnamese syllable")]
    [InlineData("Nguyeãn Thò Lan", "is not a Vietnamese syllable")]
    [InlineData("Nguy\uE001n", "private-use")]
    [InlineData("Hoa\u00CC\u0080", "UTF-8 text read as Windows-1252")]   // combining grave as UTF-8 (CC 80)
    [InlineData("Tầng 5,\u00C2\u00A0Tòa nhà", "UTF-8 text read as Windows-1252")] // NBSP as UTF-8 (C2 A0)
    public void Garbage_fails_the_quarantine_check_with_a_reason(string text, string reasonPart)
    {
        Assert.False(LegacyTextRepair.LooksLikeValidVietnamese(text, out var reason));
        Assert.Contains(reasonPart, reason);
    }

    [Fact]
    public void Encoders_produce_the_examples_from_the_domain_notes()
    {
        Assert.Equal("NguyÔn ThÞ Hång Nhung", LegacyTextRepair.EncodeAsTcvn3Mojibake("Nguyễn Thị Hồng Nhung"));
        Assert.Equal("TrÇn V¨n §\u00ADîc", LegacyTextRepair.EncodeAsTcvn3Mojibake("Trần Văn Được"));
        Assert.Equal("Nguyeãn", LegacyTextRepair.EncodeAsVniMojibake("Nguye\u0302\u0303n")); // NFC first
        Assert.Equal("Gia? 5?", LegacyTextRepair.EncodeAsVniMojibake("Giañ 5\u2192")); // ñ would read back as đ
        Assert.Equal("Gi¸ 5?", LegacyTextRepair.EncodeAsTcvn3Mojibake("Giá 5€")); // TCVN3 has no €
    }

    [Fact]
    public void Viscii_is_decoded_when_the_source_encoding_is_known()
    {
        // iconv is the oracle for VISCII too. Per-field detection does not try VISCII (see VisciiTable), so it is
        // repaired only by naming the encoding.
        var lines = VietnameseCorpus.All().Concat(VietnameseCorpus.LetterCoverage()).ToList();
        var viscii = Iconv.EncodeLines(lines, "VISCII").Select(b => Iconv.Cp1252.GetString(b)).ToList();
        for (int i = 0; i < lines.Count; i++) Assert.Equal(lines[i], LegacyTextRepair.DecodeAs(viscii[i], LegacyEncoding.Viscii));
    }

    [Fact]
    public void DecodeAs_applies_the_named_encoding_without_detection()
    {
        Assert.Equal("Lâm", LegacyTextRepair.DecodeAs("L©m", LegacyEncoding.Tcvn3));
        Assert.Equal("Lẹm", LegacyTextRepair.DecodeAs("L©m", LegacyEncoding.Viscii));
        Assert.Equal("Nguyễn", LegacyTextRepair.DecodeAs("Nguyeãn", LegacyEncoding.Vni));
        Assert.Equal("Nguyễn", LegacyTextRepair.DecodeAs("NguyêÞn", LegacyEncoding.Windows1258Decomposed));
        Assert.Equal("Nguyễn", LegacyTextRepair.DecodeAs("Nguyá»…n", LegacyEncoding.Utf8AsWindows1252));
        Assert.Equal("abc", LegacyTextRepair.DecodeAs("abc", LegacyEncoding.None));
        Assert.Equal("Lâm → Lợi", LegacyTextRepair.DecodeAs("L©m → Lîi", LegacyEncoding.Tcvn3)); // → has no cp1252 byte
    }
}
