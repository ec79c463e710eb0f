"""Finding references: hand-written hard cases, and every reference of the five seed plans."""

import csv
import datetime as dt
from pathlib import Path

import pytest

from kehoach.refs.extract import find, resolve_symbol
from kehoach.refs.sources import _in_text

SEEDS = Path(__file__).parent.parent.parent / "shared" / "seeds"
GOLDEN = Path(__file__).parent / "golden" / "seed_references.tsv"


def one(text: str):
    (ref,) = find(text)
    return ref.kind, ref.number, ref.date, ref.issuer


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định quy trình",
         ("Quyết định", "24/2021/QĐ-TTg", dt.date(2021, 7, 16), "Thủ tướng Chính phủ")),
        ("theo Thông tư 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ trưởng Bộ Lao động - TB&XH hướng dẫn",
         ("Thông tư", "07/2021/TT-BLĐTBXH", dt.date(2021, 7, 18), "Bộ trưởng Bộ Lao động - TB&XH")),
        ("Thực hiện Kế hoạch số 3332/KH-UBND ngày 17 tháng 9 năm 2021 của Ủy ban nhân dân tỉnh về việc",
         ("Kế hoạch", "3332/KH-UBND", dt.date(2021, 9, 17), "Ủy ban nhân dân tỉnh")),
        # line breaks anywhere, as in text copied from PDFs and web pages
        ("Căn cứ Nghị định số\n07/2021/NĐ-CP ngày\n27/01/2021 của Chính\nphủ quy định",
         ("Nghị định", "07/2021/NĐ-CP", dt.date(2021, 1, 27), "Chính phủ")),
        ("Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ",
         ("Quyết định", "24/2021/QĐ-TTg", dt.date(2021, 7, 16), "Thủ tướng Chính phủ")),
        ("Văn bản hợp nhất số 1315/VBHN -BLĐTBXH ngày 07/4/2017 của Bộ Lao động - Thương binh và Xã hội",
         ("Văn bản hợp nhất", "1315/VBHN-BLĐTBXH", dt.date(2017, 4, 7), "Bộ Lao động - Thương binh và Xã hội")),
        ("Thông tư số 24/2014 của Bộ Lao động - Thương binh và Xã hội sửa đổi",
         ("Thông tư", "24/2014", None, "Bộ Lao động - Thương binh và Xã hội")),
        ("Thực hiện Công văn số 4789/LĐTBXH-VPQGGN ngày 23/11/2015 của Bộ Lao động",
         ("Công văn", "4789/LĐTBXH-VPQGGN", dt.date(2015, 11, 23), "Bộ Lao động")),
        ("Luật số 45/2019/QH14 ngày 20/11/2019 của Quốc hội", ("Luật", "45/2019/QH14", dt.date(2019, 11, 20), "Quốc hội")),
        ("theo Luật ngân sách và các quy định tài chính hiện hành", ("Luật", None, None, None)),
        ("Quyết định số 3208/QĐ-UBND ngày 19/12/2023 của UBND huyện Tủa Chùa và nguồn kinh phí",
         ("Quyết định", "3208/QĐ-UBND", dt.date(2023, 12, 19), "UBND huyện Tủa Chùa")),
        ("Kế hoạch số 164/KH-UBND, ngày 21/7/2022 về thực hiện", ("Kế hoạch", "164/KH-UBND", dt.date(2022, 7, 21), None)),
        ("theo **Quyết định số 90/QĐ-TTg** ngày 18/01/2022", ("Quyết định", "90/QĐ-TTg", dt.date(2022, 1, 18), None)),
    ],
)
def test_hard_cases(text, expected):
    assert one(text) == expected


def test_a_second_number_without_its_own_kind_word_has_no_kind():
    text = "(Kế hoạch số 731/KH-UBND ngày 12 tháng 3 năm 2021 về việc ...; số 3681/UBND-LĐTBXH ngày 25 tháng 10 năm 2021 về việc)"
    assert [(r.kind, r.number) for r in find(text)] == [("Kế hoạch", "731/KH-UBND"), (None, "3681/UBND-LĐTBXH")]


@pytest.mark.parametrize(
    "text",
    [
        "Số: 59/KH-UBND",  # the document's own number
        "Thời gian: Từ ngày 08/11 đến ngày 15/11/2021",
        "Tại 08/08 xã, thị trấn",
        "mỗi thôn từ 05-10 hộ nghèo",
        "theo mẫu phụ lục số 2d",
        "trong tháng 9/2023",
        "đảm bảo tuân thủ pháp luật",
    ],
)
def test_not_references(text):
    assert find(text) == []


@pytest.mark.parametrize(
    "symbol, expected",
    [
        ("QĐ-TTg", ("QĐ", ("TTg",))),
        ("TTLT-BLĐTBXH-BTC", ("TTLT", ("BLĐTBXH", "BTC"))),
        ("LĐTBXH-VPQGGN", (None, ("LĐTBXH",))),
        ("UBND-LĐTBXH", (None, ("UBND",))),
        ("QH14", ("QH", ())),
    ],
)
def test_resolve_symbol(symbol, expected):
    assert resolve_symbol(symbol) == expected


def test_offsets_point_at_the_kind_word():
    text = "Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022."
    (ref,) = find(text)
    assert text[ref.offset :].startswith("Thông tư") and text[ref.date_offset :].startswith("31/5/2022")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed plans are not beside the repository")
def test_every_reference_of_the_seed_plans():
    """Precision and recall on the five seeds, against the reviewed golden table."""
    with GOLDEN.open(encoding="utf-8") as f:
        expected = {tuple(row.values()) for row in csv.DictReader(f, delimiter="\t")}
    found = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        for item in _in_text(str(seed), seed.read_text(encoding="utf-8")):
            r = item.reference
            found.add((seed.name[:3], str(item.pos.line), r.kind or "", r.number or "", r.date.isoformat() if r.date else "", r.issuer or ""))
    true_positives = len(found & expected)
    precision, recall = true_positives / len(found), true_positives / len(expected)
    assert (precision, recall) == (1.0, 1.0), sorted(found ^ expected)


def test_laws_by_name_between_numbered_references():
    text = ("Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ; Luật ngân sách nhà nước; "
            "Luật số 45/2019/QH14 ngày 20/11/2019 của Quốc hội; theo Bộ luật Lao động.") * 3
    assert [(r.kind, r.number) for r in find(text)] == [
        ("Nghị định", "07/2021/NĐ-CP"), ("Luật", None), ("Luật", "45/2019/QH14"), ("Bộ luật", None)] * 3


def test_a_huge_symbol_is_read_in_bounded_memory():
    import tracemalloc

    tracemalloc.start()
    (ref,) = find("Công văn số 1/A" + "-A" * 200_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert ref.number == "1/A-A-A-A-A-A-A"  # a symbol has a handful of parts; the rest is not read as one
    assert peak < 5_000_000
