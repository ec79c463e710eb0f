"""Knowledge kept in one place: document type codes, prose, NFC."""

import unicodedata

import pytest

from conftest import MINIMAL_PLAN
from kehoach import doctypes
from kehoach.refs.extract import find
from kehoach.vnformat import nfc


@pytest.mark.parametrize("code, name", list(doctypes.TYPE_NAMES.items()))
def test_every_type_a_plan_may_be_is_a_kind_word_a_citation_may_use(code, name):
    (reference,) = find(f"{name} số 12/{code}-UBND ngày 05/3/2024 của Ủy ban nhân dân huyện")
    assert (reference.kind, reference.kind_code, reference.type_code) == (name, code, code)


def test_a_decomposed_name_is_composed():
    decomposed = unicodedata.normalize("NFD", "Kiểm tra")
    assert decomposed != "Kiểm tra" and nfc(decomposed) == "Kiểm tra"


def test_a_footnote_marker_in_the_subject_is_prose_but_schedule_rows_are_not(specs):
    specs.write(
        "lich.yaml",
        "window: {from: 2023-10-02, to: 2023-10-06}\nrows:\n  - {date: 2023-10-02, place: \"Xã A [^khong_co]\", members: [Trưởng đoàn]}\n",
    )
    text = MINIMAL_PLAN.replace("năm 2023", "năm 2023[^nguon]") + "appendices:\n  - schedule: lich.yaml\n"
    assert specs.check(text) == ["4:49 error KH-S014"]
