"""How dates, weekdays and amounts are written in Vietnamese administrative text.

The zero rule (Nghị định 30/2020, Phụ lục I): the day always has two digits,
the month has two digits for January and February only — `08/11/2021`,
`15/8/2023`, `05/01/2024`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata


def nfc(text: str) -> str:
    """Text in composed form (NFC), the one form kehoach compares and writes: Vietnamese typed on
    a Mac or copied from a PDF often arrives decomposed, and `ệ` would not equal `ệ`."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def month_text(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def ngay(d: dt.date, with_year: bool = True) -> str:
    """`08/11/2021`, or `08/11` without the year."""
    short = f"{d.day:02d}/{month_text(d.month)}"
    return f"{short}/{d.year}" if with_year else short


def ngay_dai(d: dt.date) -> str:
    """`ngày 08 tháng 11 năm 2021`."""
    return f"ngày {d.day:02d} tháng {month_text(d.month)} năm {d.year}"


# Monday first, as babel's Vietnamese locale writes them (a test compares): written out, because
# importing babel.dates costs every `render` 8 ms for seven names.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def thu(d: dt.date) -> str:
    """The weekday as documents print it: `Thứ Hai` ... `Chủ Nhật`."""
    return WEEKDAYS[d.weekday()]


def so(amount) -> str:
    """An amount with Vietnamese digit grouping: `12.600.000`."""
    if type(amount) not in (int, float) or amount != amount or amount in (float("inf"), float("-inf")):
        raise TypeError(f"bộ lọc `so` cần một số tiền hay số lượng, không phải `{amount}`")
    from babel.numbers import format_decimal

    return format_decimal(amount, locale="vi")


def khoang(start: dt.date, end: dt.date) -> str:
    """A period as plans write it: `từ ngày 08/11 đến ngày 15/11/2021`."""
    if start == end:
        return f"ngày {ngay(start)}"
    first = ngay(start, with_year=start.year != end.year)
    return f"từ ngày {first} đến ngày {ngay(end)}"

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

def roman(n: int) -> str:
    """`IV`: section and appendix numbers."""
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
