using System.Globalization;

namespace DataHub.Cli.Samples;

/// <summary>Realistic Quảng Nam names, places and valid personal IDs for the sample generator.</summary>
internal static class SamplePeople
{
    public static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đoàn", "Lương", "Thái", "Châu"];
    public static readonly string[] MaleMiddle = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Xuân", "Bá", "Tấn", "Ngọc", "Đình"];
    public static readonly string[] FemaleMiddle = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Hồng", "Thùy", "Bích", "Diệu"];
    public static readonly string[] MaleGiven = ["An", "Bình", "Cường", "Dũng", "Được", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Long", "Lộc", "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Tuấn", "Việt", "Vũ", "Hiếu", "Trí", "Nghĩa"];
    public static readonly string[] FemaleGiven = ["Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Trang", "Uyên", "Vy", "Yến", "Ngân"];

    /// <summary>District-level units of Quảng Nam (before the 2025 merger) and some of their communes.</summary>
    public static readonly (string District, string Kind, string[] Communes)[] Places =
    [
        ("Tam Kỳ", "thành phố", ["An Mỹ", "An Sơn", "Hòa Hương", "Tam Thăng", "Tam Phú"]),
        ("Hội An", "thành phố", ["Cẩm Hà", "Cẩm Thanh", "Cẩm Kim", "Tân Hiệp", "Cẩm Châu"]),
        ("Điện Bàn", "thị xã", ["Điện Ngọc", "Điện Dương", "Điện Thắng Bắc", "Điện Phước", "Điện Hồng"]),
        ("Duy Xuyên", "huyện", ["Duy Hải", "Duy Nghĩa", "Duy Thành", "Duy Trinh", "Nam Phước"]),
        ("Thăng Bình", "huyện", ["Bình Minh", "Bình Dương", "Bình Triều", "Hà Lam", "Bình Nguyên"]),
        ("Núi Thành", "huyện", ["Tam Nghĩa", "Tam Hòa", "Tam Quang", "Tam Tiến", "Núi Thành"]),
        ("Đại Lộc", "huyện", ["Ái Nghĩa", "Đại Hiệp", "Đại Hòa", "Đại Quang", "Đại Minh"]),
        ("Quế Sơn", "huyện", ["Đông Phú", "Quế Xuân 1", "Quế Phú", "Quế Châu", "Hương An"]),
        ("Tiên Phước", "huyện", ["Tiên Kỳ", "Tiên Cẩm", "Tiên Lộc", "Tiên Mỹ", "Tiên Hà"]),
        ("Phú Ninh", "huyện", ["Phú Thịnh", "Tam Dân", "Tam Đàn", "Tam Thành", "Tam An"]),
    ];

    public static readonly string[] Streets = ["Phan Chu Trinh", "Hùng Vương", "Trần Cao Vân", "Lê Lợi", "Nguyễn Duy Hiệu", "Huỳnh Thúc Kháng", "Bạch Đằng", "Trần Phú", "Hai Bà Trưng", "Quang Trung"];

    public static string Name(Random r, bool female) =>
        $"{Pick(r, Surnames)} {Pick(r, female ? FemaleMiddle : MaleMiddle)} {Pick(r, female ? FemaleGiven : MaleGiven)}";

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>A valid 12-digit ID: province of birth registration, century/sex digit, year, serial.</summary>
    public static string CitizenId(Random r, DateOnly birth, bool female, string province = "049")
    {
        var century = (birth.Year / 100 - 19) * 2 + (female ? 1 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"{province}{century}{birth.Year % 100:00}{r.Next(0, 1_000_000):000000}");
    }

    public static string Address(Random r, out string district, out string commune)
    {
        var place = Pick(r, Places);
        district = place.District;
        commune = Pick(r, place.Communes);
        var prefix = place.Kind == "huyện" ? "xã" : "phường";
        return r.Next(3) == 0
            ? $"Số {r.Next(1, 300)} {Pick(r, Streets)}, {prefix} {commune}, {place.Kind} {district}, tỉnh Quảng Nam"
            : $"Thôn {r.Next(1, 12)}, {prefix} {commune}, {place.Kind} {district}, tỉnh Quảng Nam";
    }

    public static DateOnly Date(Random r, int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(r.Next((new DateOnly(toYear, 12, 31).DayNumber - new DateOnly(fromYear, 1, 1).DayNumber) + 1));

    public static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
