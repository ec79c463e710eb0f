"""Document type codes of Nghị định 30/2020 (Phụ lục III) and the names they stand for."""

TYPE_NAMES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị", "QC": "Quy chế",
    "QyĐ": "Quy định", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản",
    "TTr": "Tờ trình", "HĐ": "Hợp đồng", "CĐ": "Công điện", "GM": "Giấy mời", "GGT": "Giấy giới thiệu",
}
TYPE_CODES = tuple(TYPE_NAMES)
