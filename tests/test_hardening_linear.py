"""Many problems of one kind cost linear time: the work done per problem does not grow with their number.

(Speed itself is measured by bench/; these tests pin down the work that used to be repeated.)
"""

import difflib

import yaml

from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
from kehoach.checks import schedule as schedule_rules
from kehoach.spec import model
from kehoach.spec.reader import Reader


def test_unknown_member_ids_are_compared_with_the_members_a_bounded_number_of_times(specs, monkeypatch):
    calls = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    rows = "".join(f"  - {{date: 2021-11-08, place: Xã {i}, members: [khach_{i % 200}]}}\n" for i in range(400))
    codes = specs.codes(MINIMAL_SCHEDULE + rows, "s.yaml")
    assert codes.count("KH-L007") == 400
    assert len(calls) <= schedule_rules._SUGGESTED_IDS


def test_an_unknown_id_past_the_suggestions_still_says_how_to_declare_it(specs):
    rows = "".join(f"  - {{date: 2021-11-08, place: Xã {i}, members: [khach_{i}]}}\n" for i in range(60))
    messages = specs.messages(MINIMAL_SCHEDULE + rows, "s.yaml")
    assert messages[-1] == "KH-L007 thành phần `khach_59` chưa được khai báo trong `members`: thêm `khach_59: <tên hiển thị>` vào `members`"


def test_a_clash_names_the_earliest_overlapping_booking(specs):
    rows = (
        "  - {date: 2021-11-08, session: chiều, place: Xã A, members: [nn]}\n"
        "  - {date: 2021-11-08, session: sáng, place: Xã B, members: [nn]}\n"
        "  - {date: 2021-11-08, session: sáng, place: Xã C, members: [nn]}\n"
        "  - {date: 2021-11-08, place: Xã D, members: [nn]}\n"
    )
    messages = specs.messages(MINIMAL_SCHEDULE + rows, "s.yaml")
    assert [m.split(" đã có lịch ở ")[1].split(":")[0] for m in messages] == [
        "Xã B (sáng) ngày 08/11/2021",
        "Xã A (chiều) ngày 08/11/2021",
    ]


def test_positions_inside_one_paragraph_follow_it_once(specs, monkeypatch):
    walks = []
    real = model._walk
    monkeypatch.setattr(model, "_walk", lambda value, raw: walks.append(value) or real(value, raw))
    paragraph = " ".join(f"Thông tư số {i}/TT-BLĐTBH;" for i in range(1, 31))
    found = specs.check(MINIMAL_PLAN + f"intro: {paragraph}\n")
    columns = [int(d.split()[0].split(":")[1]) for d in found if d.endswith("KH-R001")]
    assert len(columns) == 30
    assert columns[:2] == [8, 8 + len("Thông tư số 1/TT-BLĐTBH; ")]
    assert columns == sorted(columns)
    assert len(walks) == 1


class CountingText(str):
    splits = 0

    def splitlines(self, *args):
        CountingText.splits += 1
        return super().splitlines(*args)


def test_the_source_is_split_into_lines_once_for_all_unquoted_paragraphs():
    source = CountingText("".join(f"- Thời gian {i}: từ ngày 08/11\n" for i in range(50)))
    reader = Reader("plan.yaml", source)
    for node in yaml.compose(source).value:
        assert reader.text(node, "body") is None
    assert len(reader.diagnostics) == 50
    assert CountingText.splits == 1


def test_positions_past_long_runs_of_a_quoted_folded_paragraph(specs):
    """Long runs are matched whole, escapes and folded line breaks a character at a time: the
    position still lands on the citation, on its own line."""
    words = "Căn cứ \\\"Kế hoạch\\\" rà soát hộ nghèo, hộ cận nghèo trên địa bàn thị trấn năm 2023 và các văn bản"
    found = specs.check(MINIMAL_PLAN + f'intro: "{words} {words}\n  theo Thông tư số 17/TT-BLĐTBH."\n')
    assert [d for d in found if d.endswith("KH-R001")] == ["12:8 warning KH-R001"]
