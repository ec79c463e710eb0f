"""The words documents print for dates, beside the library that knows the Vietnamese locale."""

import datetime as dt

from babel.dates import format_date

from kehoach import __version__
from kehoach.render.context import maker
from kehoach.vnformat import WEEKDAYS, thu


def test_weekday_names_are_babels_vietnamese_ones():
    monday = dt.date(2024, 1, 1)
    assert WEEKDAYS == tuple(format_date(monday + dt.timedelta(days=i), "EEEE", locale="vi") for i in range(7))


def test_weekday_of_a_date():
    assert thu(dt.date(2021, 11, 8)) == "Thứ Hai"
    assert thu(dt.date(2021, 11, 14)) == "Chủ Nhật"


def test_documents_name_the_installed_version():
    from importlib.metadata import version

    assert maker() == f"kehoach {__version__}" == f"kehoach {version('kehoach')}"
