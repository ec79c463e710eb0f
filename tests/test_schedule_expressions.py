"""A schedule's text values are evaluated wherever an expression can be: written as `{{ }}`, or
made by escapes in double quotes. One without any expression is left as written."""

from __future__ import annotations

from conftest import MINIMAL_SCHEDULE

from kehoach.spec.load import load

ROW = "  - {date: 2021-11-08, place: Xã Pờ Y, members: [pho_truong_ban]}\n"


def test_an_expression_in_a_schedule_is_evaluated(specs):
    schedule = load(specs.write("lich.yaml", MINIMAL_SCHEDULE + ROW + "subtitle: Năm {{ year }}\n")).spec
    assert schedule.subtitle.value == "Năm 2021"


def test_an_expression_made_by_escapes_is_evaluated(specs):
    text = MINIMAL_SCHEDULE + ROW + 'subtitle: "Năm \\x7b\\x7b year }}, \\u007B% if year %}có năm\\u007B% endif %}"\n'
    schedule = load(specs.write("lich.yaml", text)).spec
    assert schedule.subtitle.value == "Năm 2021, có năm"


def test_braces_on_two_lines_are_no_expression(specs):
    text = MINIMAL_SCHEDULE + ROW + "subtitle: Năm {\n  { year }}\n"
    loaded = load(specs.write("lich.yaml", text))
    assert (loaded.spec.subtitle.value, loaded.diagnostics) == ("Năm { { year }}", [])
