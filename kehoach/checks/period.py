"""Rules about a multi-year plan's period (giai đoạn)."""

from __future__ import annotations

from kehoach.rules import ERROR, check
from kehoach.spec.model import Plan


@check("KH-D010", ERROR, applies_to=Plan)
def period_reversed(plan):
    """Giai đoạn (`period`) kết thúc trước năm bắt đầu."""
    period = plan.period
    if period is not None and period.end < period.start:
        yield period.end_pos, (
            f"giai đoạn kết thúc năm {period.end}, trước năm bắt đầu {period.start}: kiểm tra lại `from` và `to` của `period`"
        )
