"""Shape rules: each fires at the right line on a minimal spec (the clean minimal spec is their pass case)."""

import pytest

from conftest import MINIMAL_PLAN


def without(key: str) -> str:
    return "".join(line + "\n" for line in MINIMAL_PLAN.splitlines() if not line.startswith(key + ":"))


def test_empty_file_is_not_a_spec(specs):
    assert specs.check("") == ["1:1 error KH-S001"]


def test_comment_only_file_is_not_a_spec(specs):
    assert specs.check("# chỉ có ghi chú\n") == ["1:1 error KH-S001"]


def test_top_level_list_is_not_a_spec(specs):
    assert specs.check("- a\n- b\n") == ["1:1 error KH-S001"]


def test_unknown_key_suggests_the_right_one(specs):
    text = MINIMAL_PLAN.replace("recipients:", "recipents:")
    assert specs.messages(text) == [
        "KH-S003 kế hoạch thiếu khóa `recipients`: thêm `recipients: ...`",
        "KH-S002 kế hoạch không có khóa `recipents`: có phải `recipients`?",
    ]


def test_missing_required_keys_are_all_reported(specs):
    text = without("archive").replace("place: Thị trấn Hữu Lũng\n", "")
    assert specs.check(text) == ["1:1 error KH-S003", "1:1 error KH-S003"]


def test_a_draft_needs_a_year(specs):
    assert specs.messages(without("date")) == [
        "KH-S003 bản dự thảo (không có `date`) cần `year`: thêm `year: <năm của kế hoạch>`"
    ]


def test_a_draft_with_a_year_is_fine(specs):
    assert specs.check(without("date") + "year: 2023\n") == []


def test_wrong_type(specs):
    assert specs.check(MINIMAL_PLAN + "number: năm mươi\n") == ["11:9 error KH-S004"]


def test_unquoted_paragraph_read_as_mapping_says_quote_it(specs):
    text = MINIMAL_PLAN.replace(
        "    text: Rà soát đúng quy trình./.\n",
        "    body:\n      - Thời gian: Từ ngày 08/11 đến ngày 15/11/2021\n",
    )
    assert specs.messages(text) == [
        'KH-S005 `body` là một đoạn văn nhưng YAML đọc thành cặp khóa–giá trị: đặt cả dòng trong ngoặc kép, '
        'ví dụ `- "Thời gian: Từ ngày 08/11 đến ngày 15/11/2021"`'
    ]


def test_unquoted_dash_paragraph_read_as_list_says_quote_it(specs):
    text = MINIMAL_PLAN.replace("    text: Rà soát đúng quy trình./.\n", "    body:\n      - - Kiểm tra hồ sơ\n")
    assert specs.check(text) == ["8:9 error KH-S005"]


@pytest.mark.parametrize(
    "value, message",
    [
        ("2024-02-30", "KH-S006 `date`: ngày 30/2/2024 không có thật: tháng 2 năm 2024 chỉ có 29 ngày"),
        ("2021-11-31", "KH-S006 `date`: ngày 31/11/2021 không có thật: tháng 11 năm 2021 chỉ có 30 ngày"),
        ("08/11/2021", "KH-S006 `date` viết ngày theo dạng YYYY-MM-DD (năm-tháng-ngày): viết `2021-11-08`"),
        ("2021-13-01", "KH-S006 `date`: không có tháng 13"),
        ("tháng 9", "KH-S006 `date` không đọc được `tháng 9` là ngày: viết theo dạng YYYY-MM-DD, ví dụ 2021-11-08"),
    ],
)
def test_bad_dates_are_reported_at_their_line(specs, value, message):
    text = MINIMAL_PLAN.replace("date: 2023-09-25", f"date: {value}")
    assert specs.messages(text) == [message]
    assert specs.check(text)[0].startswith("3:7 ")


def test_duplicate_key(specs):
    assert specs.check(MINIMAL_PLAN + "place: Hữu Lũng\n") == ["11:1 error KH-S007"]


def test_alias_is_refused(specs):
    text = MINIMAL_PLAN + "bases: &b [Căn cứ A;]\nclosing: *b\n"
    assert specs.codes(text) == ["KH-S008"]


def test_alias_bomb_fails_fast(specs):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")
    )
    assert set(specs.codes(bomb)) == {"KH-S008"}


def test_merge_key_is_refused(specs):
    text = MINIMAL_PLAN + "window: {<<: {from: 2023-10-01}, to: 2023-10-20}\n"
    assert specs.codes(text) == ["KH-S008"]


def test_python_tag_is_refused_and_never_run(specs, tmp_path):
    marker = tmp_path / "pwned"
    text = MINIMAL_PLAN + f"closing: !!python/object/apply:os.system ['touch {marker}']\n"
    assert specs.messages(text) == ["KH-S010 thẻ `!!python/object/apply:os.system` không được phép: xóa thẻ, chỉ viết giá trị"]
    assert not marker.exists()


def test_deep_nesting_is_refused(specs):
    text = MINIMAL_PLAN + "closing: " + "[" * 400 + "]" * 400 + "\n"
    assert specs.codes(text) == ["KH-S009"]


@pytest.mark.parametrize(
    "line, code",
    [
        ("session: tối", "KH-S012"),
        ("type: KHX", "KH-S012"),
    ],
)
def test_values_outside_the_allowed_set(specs, line, code):
    if line.startswith("session"):
        text = (
            "window: {from: 2021-11-08, to: 2021-11-15}\nrows:\n"
            f"  - {{date: 2021-11-08, place: Xã A, members: [Phó Trưởng Ban], {line}}}\n"
        )
        assert specs.messages(text, "s.yaml") == ["KH-S012 `session` không nhận `tối`: chọn một trong `sáng`, `chiều`, `cả ngày`"]
    else:
        assert specs.codes(MINIMAL_PLAN + line + "\n") == [code]


def test_member_ids_must_be_lowercase_ascii(specs):
    assert specs.check(MINIMAL_PLAN + "members: {Phó ban: Phó Trưởng Ban}\n") == ["11:11 error KH-S012"]


def test_missing_schedule_file_is_reported_where_it_is_named(specs):
    text = MINIMAL_PLAN + "appendices:\n  - schedule: ../schedules/khong-co.yaml\n"
    assert specs.check(text) == ["12:15 error KH-S011"]


def test_a_plan_named_as_schedule_is_reported(specs):
    specs.write("other.yaml", MINIMAL_PLAN)
    text = MINIMAL_PLAN + "appendices:\n  - schedule: other.yaml\n"
    assert specs.check(text) == ["12:15 error KH-S011"]


def test_text_is_normalised_to_nfc(specs, tmp_path):
    import unicodedata

    from kehoach.spec.load import load

    decomposed = unicodedata.normalize("NFD", MINIMAL_PLAN)
    path = specs.write("plan.yaml", decomposed)
    plan = load(path).spec
    assert plan.place.value == "Thị trấn Hữu Lũng"
    assert unicodedata.is_normalized("NFC", plan.subject.value)


class TestBases:
    def test_bases_ending_correctly_are_fine(self, specs):
        assert specs.check(MINIMAL_PLAN + "bases:\n  - Căn cứ A;\n  - Căn cứ B.\n") == []

    def test_base_without_semicolon(self, specs):
        assert specs.check(MINIMAL_PLAN + "bases:\n  - Căn cứ A\n  - Căn cứ B.\n") == ["12:5 warning KH-S013"]

    def test_last_base_with_semicolon(self, specs):
        assert specs.check(MINIMAL_PLAN + "bases:\n  - Căn cứ A;\n  - Căn cứ B;\n") == ["13:5 warning KH-S013"]


class TestFootnotes:
    def test_marker_and_footnote_match_as_text(self, specs):
        text = MINIMAL_PLAN + 'closing: "Xem tài liệu[^1]./."\nfootnotes: {1: Tài liệu gửi kèm.}\n'
        assert specs.check(text) == []

    def test_marker_without_footnote(self, specs):
        assert specs.check(MINIMAL_PLAN + 'closing: "Xem tài liệu[^1]./."\n') == ["11:23 error KH-S014"]

    def test_footnote_never_used(self, specs):
        assert specs.check(MINIMAL_PLAN + "footnotes: {2: Chưa dùng.}\n") == ["11:16 warning KH-S015"]


class TestIgnore:
    def test_ignore_in_the_spec_silences_a_rule(self, specs):
        text = MINIMAL_PLAN + "bases: [Căn cứ A]\nignore: [KH-S013]\n"
        assert specs.check(text) == []

    def test_ignore_on_the_command_line(self, specs):
        assert specs.check(MINIMAL_PLAN + "bases: [Căn cứ A]\n", ignore=("KH-S013",)) == []

    def test_unknown_code_in_ignore(self, specs):
        assert specs.check(MINIMAL_PLAN + "ignore: [KH-X999]\n") == ["11:10 warning KH-S016"]


class TestEndMark:
    def test_closing_ending_with_the_end_mark(self, specs):
        assert specs.check(MINIMAL_PLAN + 'closing: "Trên đây là Kế hoạch./."\n') == []

    def test_closing_without_it(self, specs):
        assert specs.check(MINIMAL_PLAN + 'closing: "Trên đây là Kế hoạch."\n') == ["11:10 warning KH-S017"]

    def test_last_section_text_without_it(self, specs):
        assert specs.check(MINIMAL_PLAN.replace("quy trình./.", "quy trình.")) == ["7:11 warning KH-S017"]

    def test_end_mark_inside_bold_markup(self, specs):
        assert specs.check(MINIMAL_PLAN + 'closing: "**Trên đây là Kế hoạch./.**"\n') == []
