"""Lunar year names: the sexagenary cycle, and names written beside a year."""

import pytest

from kehoach.lunar_years import find, name_of


@pytest.mark.parametrize("year, name", [
    (1984, "Giáp Tý"), (2021, "Tân Sửu"), (2022, "Nhâm Dần"), (2023, "Quý Mão"), (2024, "Giáp Thìn"),
    (2025, "Ất Tỵ"), (2026, "Bính Ngọ"), (2027, "Đinh Mùi"), (2031, "Tân Hợi"), (2044, "Giáp Tý"),
])
def test_name_of_year(year, name):
    assert name_of(year) == name


@pytest.mark.parametrize("text, expected", [
    ("Tết Nguyên đán Giáp Thìn năm 2024", ("Giáp Thìn", "Giáp Thìn", 2024)),
    ("mừng Xuân Ất Tị 2025", ("Ất Tị", "Ất Tỵ", 2025)),
    ("TẾT NGUYÊN ĐÁN QUÝ MẸO NĂM 2023", ("QUÝ MẸO", "Quý Mão", 2023)),
    ("Tết Nguyên đán năm 2026 (Bính Ngọ)", ("Bính Ngọ", "Bính Ngọ", 2026)),
])
def test_names_beside_a_year(text, expected):
    (named,) = find(text)
    assert (named.written, named.canonical, named.year) == expected


@pytest.mark.parametrize("text", [
    "Tết Nguyên đán Giáp Thìn",  # no year beside it
    "quý 4 năm 2024",  # a quarter, not a stem
    "ông Canh Tân, năm 2024",  # not a stem and a branch
])
def test_no_name_beside_a_year(text):
    assert find(text) == []
