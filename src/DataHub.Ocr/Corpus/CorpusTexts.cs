namespace DataHub.Ocr.Corpus;

/// <summary>
/// Vietnamese administrative text for rendered test pages: the vocabulary, diacritics, numbers and
/// punctuation of real settled results, so CER on these pages predicts CER on the archive.
/// </summary>
internal static class CorpusTexts
{
    public static readonly string[] Passages =
    [
        """
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        GIẤY KHAI SINH
        Họ, chữ đệm, tên: NGUYỄN THỊ HỒNG NHUNG
        Ngày, tháng, năm sinh: 12/03/1995
        Giới tính: Nữ    Dân tộc: Kinh    Quốc tịch: Việt Nam
        Nơi sinh: Trạm Y tế xã Điện Phong, thị xã Điện Bàn, tỉnh Quảng Nam
        Số định danh cá nhân: 049195001234
        Họ, chữ đệm, tên người cha: Nguyễn Văn Được
        Họ, chữ đệm, tên người mẹ: Trần Thị Mỹ Lệ
        Nơi đăng ký khai sinh: Ủy ban nhân dân xã Điện Phong
        """,
        """
        ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM
        SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
        Thửa đất số: 127    Tờ bản đồ số: 14
        Địa chỉ: thôn Phú Quý, xã Tam Xuân 1, huyện Núi Thành, tỉnh Quảng Nam
        Diện tích: 245,6 m² (bằng chữ: hai trăm bốn mươi lăm phẩy sáu mét vuông)
        Hình thức sử dụng: sử dụng riêng
        Mục đích sử dụng: đất ở tại nông thôn
        Thời hạn sử dụng: lâu dài
        Nguồn gốc sử dụng: Nhà nước công nhận quyền sử dụng đất như giao đất có thu tiền sử dụng đất
        """,
        """
        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Căn cứ Nghị định số 01/2021/NĐ-CP ngày 04 tháng 01 năm 2021 của Chính phủ về đăng ký doanh nghiệp;
        Xét đề nghị của Trưởng phòng Tài chính - Kế hoạch huyện Duy Xuyên,
        Phòng Tài chính - Kế hoạch chứng nhận hộ kinh doanh sau đây đã đăng ký:
        Tên hộ kinh doanh: CỬA HÀNG TẠP HÓA BÌNH MINH
        Địa điểm kinh doanh: số 45 đường Hùng Vương, thị trấn Nam Phước
        Ngành, nghề kinh doanh: bán lẻ lương thực, thực phẩm, đồ uống
        Vốn kinh doanh: 150.000.000 đồng (Một trăm năm mươi triệu đồng)
        """,
        """
        Điều 1. Phê duyệt kết quả giải quyết thủ tục hành chính trong tháng 10 năm 2024
        của các cơ quan, đơn vị trên địa bàn tỉnh như phụ lục kèm theo.
        Điều 2. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành
        và Ủy ban nhân dân các huyện, thị xã, thành phố số hóa hồ sơ, kết quả giải quyết
        thủ tục hành chính còn hiệu lực, bảo đảm tỷ lệ số hóa đạt trên 80% trong năm 2025.
        Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Thủ trưởng các cơ quan
        liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký.
        """,
        """
        GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH
        Số: 40D8001532    Đăng ký lần đầu: ngày 08 tháng 5 năm 2019
        Họ và tên chủ hộ: Lê Văn Thưởng    Giới tính: Nam
        Sinh ngày: 21/11/1978    Dân tộc: Kinh
        Số định danh cá nhân: 049078004567
        Nơi thường trú: tổ 3, khối phố Mỹ Thạch Trung, phường Tân Thạnh, thành phố Tam Kỳ
        Số lượng lao động: 04 người
        Tam Kỳ, ngày 08 tháng 5 năm 2019
        TRƯỞNG PHÒNG
        """,
        """
        Người yêu cầu đăng ký khai sinh: Phạm Thị Ngọc Ánh, quan hệ với người được khai sinh: mẹ.
        Giấy tờ tùy thân: Căn cước công dân số 049189002468 do Cục Cảnh sát quản lý hành chính
        về trật tự xã hội cấp ngày 15/7/2021. Hồ sơ tiếp nhận lúc 9 giờ 30 phút ngày 02/02/2024,
        hẹn trả kết quả ngày 02/02/2024 tại Bộ phận tiếp nhận và trả kết quả xã Bình Trị.
        Phí, lệ phí: miễn. Người tiếp nhận: Huỳnh Thị Thu Hà, công chức Tư pháp - Hộ tịch.
        """,
    ];
}
