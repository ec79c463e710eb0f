"""The `(Kèm theo … của …)` line names the organ as running text does: `organ.mention`, else the
uppercase name rewritten in sentence case with the place names' capitals kept (as the seeds write
them: `UBND huyện Tủa Chùa`, `Sở Lao động - Thương binh và Xã hội`, `Ban Chỉ đạo huyện`)."""

import pytest

from conftest import MINIMAL_PLAN
from kehoach.check import check_file
from kehoach.render.context import kem_theo, running_name


@pytest.mark.parametrize("name, running", [
    ("SỞ NỘI VỤ", "Sở Nội vụ"),
    ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Ủy ban nhân dân xã Hòa Bình"),
    ("ỦY BAN NHÂN DÂN\nHUYỆN TỦA CHÙA", "Ủy ban nhân dân huyện Tủa Chùa"),
    ("UBND THỊ TRẤN PLEI KẦN", "UBND thị trấn Plei Kần"),
    ("BAN CHỈ ĐẠO RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO HUYỆN NGỌC HỒI", "Ban Chỉ đạo rà soát hộ nghèo, hộ cận nghèo huyện Ngọc Hồi"),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH ĐIỆN BIÊN", "Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên"),
    ("PHÒNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Phòng Nông nghiệp và Phát triển nông thôn"),
    ("ỦY BAN MTTQ VIỆT NAM THỊ XÃ SƠN TÂY", "Ủy ban MTTQ Việt Nam thị xã Sơn Tây"),
    ("Ban Chỉ đạo huyện", "Ban Chỉ đạo huyện"),
])
def test_running_name_of_an_uppercase_organ(name, running):
    assert running_name(name) == running


def _plan(specs, organ: str):
    text = MINIMAL_PLAN.replace("organ: {name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}", organ)
    return check_file(specs.write("plan.yaml", text)).spec


def test_kem_theo_keeps_the_place_name_capitals(specs):
    plan = _plan(specs, "organ: {name: ỦY BAN NHÂN DÂN XÃ HÒA BÌNH, code: UBND}")
    assert kem_theo(plan) == "(Kèm theo Kế hoạch số      /KH-UBND ngày 25 tháng 9 năm 2023 của Ủy ban nhân dân xã Hòa Bình)"


def test_kem_theo_uses_the_mention_when_given(specs):
    plan = _plan(specs, "organ: {name: SỞ NỘI VỤ, code: SNV, mention: Sở Nội vụ tỉnh Lạng Sơn}")
    assert kem_theo(plan) == "(Kèm theo Kế hoạch số      /KH-SNV ngày 25 tháng 9 năm 2023 của Sở Nội vụ tỉnh Lạng Sơn)"
