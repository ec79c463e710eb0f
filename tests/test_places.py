"""Place names: administrative units named in a plan, against the units of the plan's date."""

import pytest

from conftest import MINIMAL_PLAN
from kehoach import units
from kehoach.checks.places import mentions

# Seed 003's district, before 2025: a draft of 2024 by UBND huyện Tủa Chùa (Điện Biên).
TUA_CHUA_2024 = MINIMAL_PLAN.replace(
    "{name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}", "{name: ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA, code: UBND}"
).replace("place: Thị trấn Hữu Lũng", "place: Tủa Chùa").replace("date: 2023-09-25", "year: 2024").replace(
    "năm 2023", "năm 2024")

# A commune of today, in its province: a draft of 2026.
COMMUNE_2026 = MINIMAL_PLAN.replace(
    "{name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}",
    "{parent: UBND TỈNH ĐIỆN BIÊN, name: ỦY BAN NHÂN DÂN XÃ TỦA CHÙA, code: UBND}",
).replace("place: Thị trấn Hữu Lũng", "place: Tủa Chùa").replace("date: 2023-09-25", "year: 2026").replace(
    "năm 2023", "năm 2026").replace('"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND tỉnh Điện Biên (b/c)"')


def with_intro(plan: str, sentence: str) -> str:
    return plan + f'intro: ["{sentence}"]\n'


class TestMisspeltUnits:
    def test_seed_003_communes(self, specs):
        # Copied from seed 003: "các xã: Tòa Thàng, Sính Phình, Trung Thu" and "thị trấn Tòa Chùa".
        text = with_intro(TUA_CHUA_2024, "+ Lớp thứ tư: 177 đại biểu, gồm: Đại biểu thuộc các xã: Tòa Thàng, Sính Phình, "
                                         "Trung Thu và UBND thị trấn Tòa Chùa.")
        assert specs.messages(text) == [
            "KH-P001 `xã Tòa Thàng` không có trong danh mục đơn vị hành chính: có phải `xã Tủa Thàng`?",
            "KH-P001 `thị trấn Tòa Chùa` không có trong danh mục đơn vị hành chính: có phải `thị trấn Tủa Chùa`?",
        ]
        assert specs.check(text) == ["11:66 warning KH-P001", "11:116 warning KH-P001"]
        corrected = text.replace("Tòa Thàng", "Tủa Thàng").replace("Tòa Chùa", "Tủa Chùa")
        assert specs.check(corrected) == []

    def test_the_place_before_the_date(self, specs):
        # Seed 000 prints "Ngọc Hòì, ngày ... tháng ... năm 2021" under UBND huyện Ngọc Hồi.
        plan = MINIMAL_PLAN.replace("{name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}",
                                    "{parent: UBND HUYỆN NGỌC HỒI, name: BAN CHỈ ĐẠO, code: BCĐ}")
        assert specs.messages(plan.replace("place: Thị trấn Hữu Lũng", "place: Ngọc Hòì")) == [
            "KH-P001 địa danh `Ngọc Hòì` không có trong danh mục đơn vị hành chính: có phải `Ngọc Hồi`?"
        ]
        assert specs.check(plan.replace("place: Thị trấn Hữu Lũng", "place: Ngọc Hồi")) == []

    def test_spelling_variants_are_the_same_name(self, specs):
        # Official lists write both Hòa and Hoà, Đăk and Đắk; neither is a mistake.
        assert units.key("Hoà Bình") == units.key("HÒA BÌNH") == "hòa bình"
        assert units.key("Lục Sỹ Thành") == units.key("Lục Sĩ Thành")
        assert units.key("Đăk Tô") == units.key("Đắk Tô")
        text = with_intro(TUA_CHUA_2024.replace("HUYỆN TỦA CHÙA", "TỈNH KON TUM").replace("Tủa Chùa", "Kon Tum"),
                          "Kiểm tra tại huyện Đăk Tô và huyện Đắk Glei.")
        assert specs.check(text) == []


class TestUnitsGone:
    def test_a_district_in_a_2026_plan(self, specs):
        text = with_intro(COMMUNE_2026, "Tổ chức tập huấn trên địa bàn huyện Tủa Chùa.")
        assert specs.messages(text) == [
            "KH-P002 `huyện Tủa Chùa` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính): địa bàn nay là xã Sáng Nhè, "
            "xã Sín Chải, xã Sính Phình, xã Tủa Chùa, xã Tủa Thàng (tỉnh Điện Biên); sửa lại tên đơn vị"
        ]

    def test_a_merged_commune_and_a_former_town(self, specs):
        text = with_intro(COMMUNE_2026, "Kiểm tra tại xã Mường Báng và thị trấn Tủa Chùa.")
        assert specs.messages(text) == [
            "KH-P002 `xã Mường Báng` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính): nay thuộc xã Tủa Chùa "
            "(tỉnh Điện Biên); sửa lại tên đơn vị",
            "KH-P002 `thị trấn Tủa Chùa` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính): nay thuộc xã Tủa Chùa "
            "(tỉnh Điện Biên); sửa lại tên đơn vị",
        ]

    def test_a_merged_province(self, specs):
        text = with_intro(COMMUNE_2026, "Học tập kinh nghiệm của tỉnh Hà Giang.")
        assert specs.messages(text) == [
            "KH-P002 `tỉnh Hà Giang` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính): nay thuộc tỉnh Tuyên Quang; "
            "sửa lại tên đơn vị"
        ]

    def test_a_commune_of_a_province_merged_into_the_plans(self, specs):
        # Hà Giang merged into Tuyên Quang: its old communes are looked up under today's province.
        plan = COMMUNE_2026.replace("ĐIỆN BIÊN", "TUYÊN QUANG").replace("XÃ TỦA CHÙA", "XÃ BẮC MÊ").replace(
            "place: Tủa Chùa", "place: Bắc Mê").replace("Điện Biên", "Tuyên Quang")
        assert specs.messages(with_intro(plan, "Kiểm tra tại xã Lạc Nông và xã Minh Ngọc.")) == [
            "KH-P002 `xã Lạc Nông` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính): nay thuộc xã Bắc Mê "
            "(tỉnh Tuyên Quang); sửa lại tên đơn vị"
        ]

    def test_a_commune_split_between_two(self, specs):
        plan = COMMUNE_2026.replace("ĐIỆN BIÊN", "LẠNG SƠN").replace("XÃ TỦA CHÙA", "XÃ ĐÌNH LẬP").replace(
            "place: Tủa Chùa", "place: Đình Lập").replace("Điện Biên", "Lạng Sơn")
        assert specs.messages(with_intro(plan, "Kiểm tra tại xã Bính Xá.")) == [
            "KH-P002 `xã Bính Xá` không còn từ 01/7/2025 (sắp xếp đơn vị hành chính): nay chia về xã Kiên Mộc, "
            "xã Đình Lập (tỉnh Lạng Sơn); sửa lại tên đơn vị"
        ]

    def test_the_same_names_in_2024_are_right(self, specs):
        text = with_intro(TUA_CHUA_2024, "Kiểm tra tại xã Mường Báng, thị trấn Tủa Chùa, huyện Tủa Chùa, tỉnh Điện Biên.")
        assert specs.check(text) == []

    def test_a_citation_names_the_unit_as_it_was(self, specs):
        text = COMMUNE_2026 + (
            'bases: ["Căn cứ Kế hoạch số 20/KH-UBND ngày 25/01/2024 của UBND huyện Tủa Chùa về việc thực hiện '
            'Chương trình năm 2024 trên địa bàn huyện Tủa Chùa."]\n')
        assert specs.check(text) == []
        # Its spelling is still checked.
        assert specs.codes(text.replace("địa bàn huyện Tủa Chùa", "địa bàn huyện Tòa Chùa")) == ["KH-P001"]


class TestUnknownNames:
    def test_an_unknown_commune_is_an_info_note(self, specs):
        text = with_intro(TUA_CHUA_2024, "Kiểm tra tại xã Phong Lan.")
        assert specs.messages(text) == [
            "KH-P003 không thấy `xã Phong Lan` trong danh mục đơn vị hành chính của tỉnh Điện Biên: kiểm tra lại tên "
            "(thôn, bản, xóm, tổ dân phố không phải đơn vị hành chính)"
        ]

    @pytest.mark.parametrize("sentence", [
        "Đi thực tế tại thôn Tả Phìn, bản Huổi Lóng và tổ dân phố Đồng Tâm.",  # villages are not units
        "Cấp xã: Mỗi xã, thị trấn 09 đại biểu.",  # seed 003: a level, then a count
        "Bộ phận giúp việc Ban Chỉ đạo cấp huyện: Chuyên viên Phòng Nội vụ.",  # seed 000
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ])
    def test_what_is_not_a_unit_is_silent(self, specs, sentence):
        assert specs.check(with_intro(COMMUNE_2026, sentence)) == []


def test_a_commune_plan_without_its_province_still_knows_where_it_is(specs):
    # No parent, and `Sáng Nhè` is a commune in one province only: Điện Biên.
    plan = COMMUNE_2026.replace("parent: UBND TỈNH ĐIỆN BIÊN, ", "").replace("XÃ TỦA CHÙA", "XÃ SÁNG NHÈ").replace(
        "place: Tủa Chùa", "place: Sáng Nhè")
    assert specs.messages(with_intro(plan, "Phối hợp với xã Tòa Thàng.")) == [
        "KH-P001 `xã Tòa Thàng` không có trong danh mục đơn vị hành chính: có phải `xã Tủa Thàng`?"
    ]
    # A guess is not enough to call a name unknown.
    assert specs.messages(with_intro(plan, "Học tập kinh nghiệm của xã Phong Lan.")) == []


def test_a_clean_commune_plan_of_2026_is_silent(specs):
    text = with_intro(COMMUNE_2026, "Ủy ban nhân dân xã Tủa Chùa, tỉnh Điện Biên phối hợp với xã Sính Phình, xã Tủa Thàng.")
    assert specs.check(text) == []


def test_mentions_read_lists_and_upper_case():
    found = [(m.kind, " ".join(m.words), m.listed) for m in mentions(
        "Đại biểu thuộc các xã: Mường Đun, Lao Xả Phình và UBND thị trấn Tòa Chùa; ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA")]
    assert found == [("xã", "Mường Đun", False), ("xã", "Lao Xả Phình", True), ("thị trấn", "Tòa Chùa", False),
                     ("huyện", "TỦA CHÙA", True)]


def test_the_tables_hold_both_maps_and_the_mapping():
    assert len(units._current()) == 34
    assert sum(len(v) for v in units._current().values()) == 3321
    assert len(units._legacy()) == 63
    tua_chua = units.districts("Tủa Chùa")[0]
    assert [u.full for u in units.successors(tua_chua)] == ["Xã Sáng Nhè", "Xã Sín Chải", "Xã Sính Phình", "Xã Tủa Chùa", "Xã Tủa Thàng"]


def _generator():
    import importlib.util
    from pathlib import Path

    script = Path(__file__).parent.parent / "scripts" / "generate_units.py"
    spec = importlib.util.spec_from_file_location("generate_units", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _written(name: str) -> str:
    from pathlib import Path

    return (Path(units.__file__).parent / "data" / name).read_text(encoding="utf-8")


def test_the_tables_match_the_source_package():
    """The tables are generated (scripts/generate_units.py) from a package used at build time only."""
    pytest.importorskip("vietnamadminunits")
    generator = _generator()
    for name, text in generator.table_texts(generator.build()).items():
        assert _written(name) == text, "stale: run python scripts/generate_units.py"


def test_the_commune_name_index_is_derived_from_the_tables():
    """units_names.tsv (where each commune and district name stands) is built from the two tables by
    scripts/generate_units.py; a stale one would send a commune's plan to the wrong province."""
    expected = _generator().index_text(units.name_index())
    assert _written("units_names.tsv") == expected, "stale: run python scripts/generate_units.py"
