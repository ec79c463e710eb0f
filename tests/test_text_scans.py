"""The scans of running text that look for a rare character or word first (a slash, `ngày`, `thứ`, a
kind word) and run their regex only there, and the texts read as one: the cases those shortcuts had to
get right, with what the full regex scans found (kehoach/textsearch.py)."""

import re
import sys

import pytest

from kehoach import lunar_years, prose_dates, textsearch
from kehoach.checks import places
from kehoach.refs.extract import find as references


def test_lowering_folds_case_as_the_regex_does_for_every_word_looked_for():
    """`str.lower` and the regex's ignore-case agree on the letters of the words found in lowered text:
    a character the regex takes for one of them lowers to it, and one that lowers to it is taken."""
    words = places._KIND_WORDS + prose_dates._MARK_WORDS + prose_dates._DEADLINE_WORDS + prose_dates._WEEKDAY_WORDS
    letters = set("".join(words))
    any_letter = re.compile("(?i)[" + re.escape("".join(sorted(letters))) + "]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if any_letter.fullmatch(char):
            assert lowered in letters, (hex(code), lowered)
            assert re.fullmatch("(?i)" + re.escape(lowered), char), hex(code)
        else:
            assert lowered not in letters, hex(code)


def test_joined_texts_give_each_text_its_own_offsets():
    joined = textsearch.Joined(["ab", "", "c\0d"])
    assert joined.text == "ab\0\0c\0d"
    assert [joined.locate(i) for i in (0, 1, 3, 4, 6)] == [(0, 0), (0, 0), (1, 3), (2, 4), (2, 4)]
    assert joined.each([0, 4, 6], lambda at: at, lambda at, by: at - by) == [[0], [], [0, 2]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Quyết định số 12/ 2021/QĐ-TTg ngày 16/7/2021", [(0, "Quyết định", "12/2021/QĐ-TTg", True)]),
        ("Quyết định số 12 /2021/QĐ-TTg", [(0, "Quyết định", "12/2021/QĐ-TTg", True)]),
        ("Thông tư abc12/2021/TT-BLĐTBXH", []),  # a number glued to a word is none
        ("Quyết định số 12345/QĐ-UBND", [(0, "Quyết định", "12345/QĐ-UBND", True)]),
        ("Quyết định số 123456/QĐ-UBND", []),  # six digits before the slash: no number
        ("Quyết định số 1234567/QĐ-UBND", []),
        ("Thông  tư\nsố\n07/2021/TT-BLĐTBXH", [(0, "Thông tư", "07/2021/TT-BLĐTBXH", True)]),
        ("Nghị định\n\n07/2021/NĐ-CP", [(0, "Nghị định", "07/2021/NĐ-CP", False)]),
        # the longest kind word that ends before the number, even inside a word
        ("Bộ luật số 45/2019/QH14", [(0, "Bộ luật", "45/2019/QH14", True)]),
        ("xBộ luật 45/2019/QH14", [(1, "Bộ luật", "45/2019/QH14", False)]),
        ("Thông tư liên tịch số 09/2019/TTLT-BLĐTBXH", [(0, "Thông tư liên tịch", "09/2019/TTLT-BLĐTBXH", True)]),
        ("Thông tư Thông tư số 07/2021/TT-BLĐTBXH", [(9, "Thông tư", "07/2021/TT-BLĐTBXH", True)]),
        ("ſố 12/2021/QĐ-TTg", [(0, None, "12/2021/QĐ-TTg", True)]),  # the regex's ignore-case takes ſ for s
        ("Số: 05/KH-BCĐ", []),
        ("Quyết định số 12/2021/QĐ-TTg/13/KH", [(0, "Quyết định", "12/2021/QĐ", True)]),
        ("số 1/2/3/4", []),
        ("Quyết định 24/2021/QĐ-TTg, Quyết định 25/2021/QĐ-TTg",
         [(0, "Quyết định", "24/2021/QĐ-TTg", False), (27, "Quyết định", "25/2021/QĐ-TTg", False)]),
        # the kind word is read in the 60 characters before a number only
        ("Kế hoạch số 12/QĐ-UBND" + " " * 70 + "và 13/KH-UBND",
         [(0, "Kế hoạch", "12/QĐ-UBND", True), (95, None, "13/KH-UBND", False)]),
    ],
)
def test_references_found_from_their_slash(text, expected):
    assert [(r.offset, r.kind, r.number, r.said_so) for r in references(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("từ ngày 05/10 đến ngày 02/10/2023", [("range", 8, "05/10", "02/10/2023", False)]),
        ("Từ\n04/11/2023 đến 10/11/2023", [("range", 3, "04/11/2023", "10/11/2023", False)]),
        ("từ ngày 1/2 " + " " * 50 + "đến ngày 3/4", [("range", 8, "1/2", "3/4", False)]),
        ("NGÀY 31/11/2023", [("date", 5, "31/11/2023", None, False)]),
        ("ngày **12/3/2023**", [("date", 7, "12/3/2023", None, False)]),
        ("trước ngày 15/6 hằng năm", [("deadline", 11, "15/6", None, True)]),
        ("İ ngày 31/11/2023", [("date", 7, "31/11/2023", None, False)]),  # İ lowers to two characters
        ("ngày 123/4", []),
        ("ngày" + " " * 45 + "12/3/2023", []),  # the mark stands more than 40 characters back
        ("ngàyngày 5/6", []),
        ("từ 05-10 hộ", []),
    ],
)
def test_dates_found_from_their_mark(text, expected):
    found = [(f.kind, f.start.offset, f.start.text, f.end and f.end.text, f.recurring) for f in prose_dates.find(text)]
    assert found == expected
    assert prose_dates.find_each(textsearch.Joined(["ngày 1/2", text, "3/4"]))[1] == prose_dates.find(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thứ Sáu, 14/11/2026", [(0, "Thứ Sáu, 14/11/2026", 4)]),
        ("Chủ nhật - 15/11", [(0, "Chủ nhật - 15/11", 6)]),
        ("thứ thứ hai 5/6", [(4, "thứ hai 5/6", 0)]),
        ("thứ " * 30 + "hai 5/6", [(116, "thứ hai 5/6", 0)]),  # many weekday words before one date
        ("İ thứ 6 (ngày 14/11)", [(2, "thứ 6 (ngày 14/11", 4)]),
        ("thứ 2 - 14 - 11", []),  # `2 - 14` is the date finditer reads
        ("thứ hai" + " " * 40 + "5/6", []),
    ],
)
def test_weekdays_found_from_their_word(text, expected):
    assert [(c.offset, c.text, c.weekday) for c in prose_dates.weekdays(text)] == expected
    assert prose_dates.weekdays_each(textsearch.Joined(["thứ hai", text, "5/6"]))[1] == prose_dates.weekdays(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("năm 2025 (Ất Tỵ)", [(10, "Ất Tỵ", "Ất Tỵ", 2025)]),
        ("Xuân Ất Tị 2025", [(5, "Ất Tị", "Ất Tỵ", 2025)]),
        ("GIÁP THÌN 2024", [(0, "GIÁP THÌN", "Giáp Thìn", 2024)]),
        ("giáp Thìn 2024", []),
        ("Giáp Thìnnăm 2024", []),
        ("Tết Nguyên đán năm 2025", []),  # no branch in the text: its years are not read around
    ],
)
def test_lunar_names(text, expected):
    assert [(n.offset, n.written, n.canonical, n.year) for n in lunar_years.find(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("các xã: Mường Đun, Lao Xả Phình và Tủa Thàng",
         [(8, "xã", ("Mường", "Đun"), False), (19, "xã", ("Lao", "Xả", "Phình"), True), (35, "xã", ("Tủa", "Thàng"), True)]),
        ("İ xã Tủa Thàng", [(5, "xã", ("Tủa", "Thàng"), False)]),
        ("thị xãxã Tủa", []),
        ("cấp huyện Tủa Chùa", []),
        ("UBND TỈNH ĐIỆN BIÊN", [(10, "tỉnh", ("ĐIỆN", "BIÊN"), True)]),
    ],
)
def test_mentions_found_from_their_kind_word(text, expected):
    assert [(m.offset, m.kind, m.words, m.listed) for m in places.mentions(text)] == expected


def test_mentions_of_texts_read_as_one_are_each_texts_own():
    texts = ["các xã:", "Mường Đun, xã Tủa Thàng", "cấp", "huyện Tủa Chùa", "xã\0Tủa Chùa", "xã Tủa Chùa", "xã Tủa Chùa"]
    assert places._mentions_of(texts) == {text: list(places.mentions(text)) for text in texts}
