"""Text expressions: the direct evaluation of simple expressions gives exactly what Jinja gives."""

import datetime as dt

import pytest

from kehoach.diagnostics import Pos
from kehoach.spec import templating
from kehoach.spec.model import Text
from kehoach.spec.templating import WindowValue

VARIABLES = {
    "year": 2021, "number": "05", "month": 11, "place": "Ngọc Hồi", "date": dt.date(2021, 11, 1),
    "window": WindowValue({"from": dt.date(2021, 11, 8), "to": dt.date(2021, 11, 15)}),
}


@pytest.mark.parametrize(
    "source",
    [
        "năm {{ year }}", "năm {{year+1}} và {{ year - 1 }}", "{{ window | capitalize }}.", "Thời gian: {{ window }}",
        "{{ window.from | ngay }} ({{ window.from | thu }})", "{{ window.to | ngay_dai }}", "{{ date | ngay }}",
        "số {{ number }}", "{{ place | upper }}", "{{ 12600000 | so }}", "{{ month }}/{{ year }}",
    ],
)
def test_direct_evaluation_equals_jinja(source):
    direct = templating._direct(source, VARIABLES)
    jinja = templating._environment().from_string(source).render(VARIABLES)
    if direct is not None:
        assert direct == jinja
    assert direct is not None or "12600000" in source  # a literal is Jinja's to evaluate


@pytest.mark.parametrize("source", ["{{ yaer }}", "{{ year | ngay }}", "{{ window.from + 1 }}", "{% if year %}x{% endif %}", "{{ year.__class__ }}"])
def test_anything_else_is_left_to_jinja(source):
    assert templating._direct(source, VARIABLES) is None


def test_evaluate_reports_at_the_values_start():
    text = Text("năm {{ yaer }}", Pos("plan.yaml", 7, 10))
    (problem,) = templating.evaluate([text], VARIABLES)
    assert (problem.pos, problem.code) == (Pos("plan.yaml", 7, 10), "KH-T001")
