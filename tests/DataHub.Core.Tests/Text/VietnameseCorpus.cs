namespace DataHub.Core.Tests.Text;

/// <summary>
/// Realistic Vietnamese names and addresses for the encoding oracle tests, plus a letter-coverage set that puts
/// every precomposed Vietnamese letter (12 vowels × 6 tones, lower and upper case) and Đ/đ into syllables.
/// </summary>
internal static class VietnameseCorpus
{
    private static readonly string[] Surnames =
    [
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đinh", "Trương", "Lương", "Mai", "Tạ", "Đoàn", "Vương", "Trịnh", "Lâm", "Quách", "Kiều", "Thái", "Hà", "Tô",
    ];

    private static readonly string[] Middles =
    [
        "Văn", "Thị", "Hữu", "Đức", "Minh", "Thu", "Ngọc", "Quốc", "Thanh", "Xuân", "Hồng", "Bảo", "Khánh", "Gia",
        "Mỹ", "Diệu", "Tuấn", "Thế", "Phước", "Kim", "Ánh", "Bích",
    ];

    private static readonly string[] Givens =
    [
        "An", "Bình", "Cường", "Dũng", "Được", "Giang", "Hằng", "Hương", "Khoa", "Lộc", "Mạnh", "Nhung", "Oanh", "Phúc",
        "Quỳnh", "Sơn", "Thảo", "Uyên", "Việt", "Xuyến", "Yến", "Ánh", "Nguyệt", "Tuyết", "Thủy", "Hạnh", "Trường",
        "Khuê", "Nghĩa", "Chiến", "Thắng", "Hiếu", "Toàn", "Đạt", "Tưởng", "Khải", "Ước", "Ẩn", "Ổn", "Ửng", "Ngữ",
        "Luỹ", "Kỷ", "Mỵ", "Lựu", "Rượu", "Khuyến", "Tiễn", "Loan", "Hoè", "Thuở", "Quyết", "Ngoãn", "Hưởng",
    ];

    public static readonly string[] Addresses =
    [
        "Số 12/3 đường Nguyễn Trãi, phường Thượng Đình, quận Thanh Xuân, Hà Nội",
        "Thôn Đông Xá, xã Hợp Thịnh, huyện Hiệp Hòa, tỉnh Bắc Giang",
        "Tổ 5, khu phố 3, thị trấn Củ Chi, huyện Củ Chi, Thành phố Hồ Chí Minh",
        "Ấp Mỹ Lợi, xã Mỹ Hạnh Đông, thị xã Cai Lậy, tỉnh Tiền Giang",
        "Bản Pắc Ngòi, xã Nam Mẫu, huyện Ba Bể, tỉnh Bắc Kạn",
        "Số 45 Lê Lợi, phường Bến Nghé, quận 1, Thành phố Hồ Chí Minh",
        "Xóm 7, xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An",
        "Thôn Phú Mỹ, xã Quảng Phú, huyện Quảng Điền, tỉnh Thừa Thiên Huế",
        "Số 8 ngõ 105 phố Xuân Thủy, phường Dịch Vọng Hậu, quận Cầu Giấy, Hà Nội",
        "Khối phố Trường Xuân, phường An Sơn, thành phố Tam Kỳ, tỉnh Quảng Nam",
        "Buôn Ea Nuôl, xã Ea Nuôl, huyện Buôn Đôn, tỉnh Đắk Lắk",
        "Thôn Kon Rơ Bàng, xã Vinh Quang, thành phố Kon Tum",
        "Số 27 đường Trần Hưng Đạo, phường Lộc Thọ, thành phố Nha Trang, tỉnh Khánh Hòa",
        "Ấp Tân Thuận, xã Bình Đức, huyện Châu Thành, tỉnh Tiền Giang",
        "Tổ dân phố Ngọc Thụy, phường Ngọc Thụy, quận Long Biên, Hà Nội",
        "Xã Đồng Tâm, huyện Mỹ Đức, Hà Nội",
        "Thị trấn Phố Ràng, huyện Bảo Yên, tỉnh Lào Cai",
        "Số 101 đường Võ Thị Sáu, phường Võ Thị Sáu, quận 3, Thành phố Hồ Chí Minh",
        "Thôn Lũng Cú, xã Lũng Cú, huyện Đồng Văn, tỉnh Hà Giang",
        "Khu vực Thới Thuận, phường Thới Long, quận Ô Môn, Cần Thơ",
        "Đường Nguyễn Văn Cừ nối dài, phường An Khánh, quận Ninh Kiều, Cần Thơ",
        "Thôn Quỳnh Đôi, xã Quỳnh Đôi, huyện Quỳnh Lưu, tỉnh Nghệ An",
        "Xóm Chùa, xã Yên Sở, huyện Hoài Đức, Hà Nội",
        "Số 6 đường Hùng Vương, phường Điện Biên, quận Ba Đình, Hà Nội",
        "Ủy ban nhân dân xã Ứng Hòa, huyện Ứng Hòa",
        "Trường Trung học phổ thông Nguyễn Khuyến, Nam Định",
        "Bệnh viện Đa khoa tỉnh Thanh Hóa",
        "Cục Quản lý xuất nhập cảnh, Bộ Công an",
        "Phòng Tư pháp huyện Đức Thọ, tỉnh Hà Tĩnh",
        "Công ty Trách nhiệm hữu hạn Thương mại Dịch vụ Ánh Dương",
        "Hợp tác xã Nông nghiệp Yên Phong",
        "Chi cục Thuế khu vực Quế Võ, Bắc Ninh",
        "Ngã tư Sở, quận Đống Đa, Hà Nội",
        "Thôn Ỷ La, phường Dương Nội, quận Hà Đông, Hà Nội",
        "Chợ Ổ Gà, xã Ẳng Cang, huyện Mường Ảng, tỉnh Điện Biên",
        "Xã Ỵ Tý, huyện Bát Xát, tỉnh Lào Cai",
        "Khóm 4, phường 8, thành phố Cà Mau",
        "Tổ 12, phường Quyết Thắng, thành phố Biên Hòa, tỉnh Đồng Nai",
        "Thôn Lộc Thượng, xã Lộc Ninh, huyện Phú Lộc",
        "Đội 3, thôn Nhuận Ốc, xã Thanh Luận",
        "Số 2 phố Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
        "Làng gốm Bát Tràng, huyện Gia Lâm",
        "Khu công nghiệp Quế Võ, thị xã Quế Võ",
        "Xã Hưởng Lộc, huyện Triệu Phong, tỉnh Quảng Trị",
        "Bến xe Mỹ Đình, đường Phạm Hùng",
        "Thôn Khuổi Ky, xã Đàm Thủy, huyện Trùng Khánh, tỉnh Cao Bằng",
        "Ngõ 68 đường Cầu Giấy, phường Quan Hoa",
        "Thôn Nghĩa Hưng, xã Đại Đồng, huyện Thạch Thất",
        "Ấp Bưng Riềng, xã Bưng Riềng, huyện Xuyên Mộc",
        "Tiểu khu 4, thị trấn Hát Lót, huyện Mai Sơn, tỉnh Sơn La",
    ];

    /// <summary>150 full names combining the lists above deterministically.</summary>
    public static IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        for (int i = 0; i < 150; i++)
        {
            string surname = Surnames[i % Surnames.Length];
            string middle = Middles[(i * 7 + 3) % Middles.Length];
            string given = Givens[(i * 11 + 5) % Givens.Length];
            names.Add(i % 5 == 4 ? $"{surname} {given}" : $"{surname} {middle} {given}");
        }
        return names;
    }

    /// <summary>Names and addresses, plus 40 upper-case names: 240 strings.</summary>
    public static IReadOnlyList<string> All()
    {
        var all = new List<string>(Names());
        all.AddRange(Addresses);
        all.AddRange(Names().Take(40).Select(n => n.ToUpperInvariant()));
        return all;
    }

    /// <summary>
    /// Every vowel with every tone, in lower, title and upper case: "tan tàn tán tản tãn tạn" for each of
    /// a ă â e ê i o ô ơ u ư, "ly lỳ lý lỷ lỹ lỵ" for y, and "đan Đan ĐAN". Syllables are built so that they are
    /// well-formed (an -n coda takes every tone).
    /// </summary>
    public static IReadOnlyList<string> LetterCoverage()
    {
        const string marks = "\u0300\u0301\u0309\u0303\u0323";
        var lines = new List<string>();
        foreach (char v in "aăâeêioôơuưy")
        {
            var words = new List<string>();
            string onset = v == 'y' ? "l" : "t", coda = v == 'y' ? "" : "n";
            words.Add(onset + v + coda);
            foreach (char m in marks) words.Add((onset + v + m + coda).Normalize());
            string line = string.Join(' ', words);
            lines.Add(line);
            lines.Add(string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..])));
            lines.Add(line.ToUpperInvariant());
            // The vowel first in the word, to put the capital toned letter itself at the start.
            lines.Add(string.Join(' ', words.Select(w => (char.ToUpperInvariant(w[1]) + w[2..]).Normalize()).Where(w => w.Length > 1)) + " Đan");
        }
        lines.Add("đan Đan ĐAN đàn Đàn ĐÀN");
        return lines;
    }
}
