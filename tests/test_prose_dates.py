"""The prose date finder, table-driven on phrases from the seed plans."""

import pytest

from kehoach.prose_dates import find


def describe(text: str) -> list[str]:
    out = []
    for f in find(text):
        ends = [f.start] + ([f.end] if f.end else [])
        out.append(f.kind + " " + " – ".join(f"{w.day}/{w.month}/{w.year or '?'}" for w in ends))
    return out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thời gian: Từ ngày 08/11 đến ngày 15/11/2021", ["range 8/11/? – 15/11/2021"]),
        ("2.5. Từ ngày 04/11/2023 đến 10/11/2023: Tiến hành kiểm tra", ["range 4/11/2023 – 10/11/2023"]),
        ("Kế hoạch số 3332/KH-UBND ngày 17 tháng 9 năm 2021 của Ủy ban", ["date 17/9/2021"]),
        ("Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng", ["date 16/7/2021"]),
        ("gửi về Sở Lao động - Thương binh và Xã hội **trước ngày 26/11/2022.**", ["deadline 26/11/2022"]),
        ("gửi về Phòng **trước**\n\nngày 18/3/2024 để tổng hợp", ["deadline 18/3/2024"]),
        ("báo cáo chính thức ... trước ngày 07/01/2016.", ["deadline 7/1/2016"]),
        ("chậm nhất là ngày 30/11/2023", ["deadline 30/11/2023"]),
        ("Tại 08/08 xã, thị trấn.", []),
        ("mỗi thôn từ 05-10 hộ nghèo", []),
        ("Thực hiện lựa chọn kiểm tra khoảng 08/11 huyện, thành phố.", []),
        ("Số: 2808/KH-UBND", []),
        ("Thông tư số 07/2021/TT-BLĐTBXH", []),
        ("điện thoại 02053.876.683", []),
        ("Trong tháng **9/2023**", []),
        ("Ngày 02 tháng 12 năm 2015", ["date 2/12/2015"]),
        ("từ ngày 28/12/2021 đến ngày 05/01/2022", ["range 28/12/2021 – 5/1/2022"]),
    ],
)
def test_find(text, expected):
    assert describe(text) == expected


def test_offsets_point_at_the_date():
    text = "Họp vào ngày 31/11/2023."
    (found,) = find(text)
    assert text[found.start.offset :].startswith("31/11/2023")
