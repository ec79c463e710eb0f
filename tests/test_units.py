"""The units tables are read a line at a time: a province's line when it is looked up, a name's line
of the sorted name index by bisection. Every name is found so, and a name the index lacks is not."""

from kehoach import units


def test_every_name_of_the_index_is_found_by_bisection():
    for part, names in units.name_index().items():
        for name_key, places in names.items():
            assert units._names_line(part, name_key) == places, (part, name_key)


def test_a_name_not_in_the_index_is_found_nowhere():
    for part in ("new", "old", "districts"):
        for absent in ("", "a", "zzz", "hữu lũng x", "hữu", "\uffff"):
            assert units._names_line(part, absent) == []
    assert units.districts("Không Có Huyện Này") == []
    assert units.communes_named("Không Có Xã Này", units.NEW) == []


def test_a_commune_plan_finds_its_province_from_one_line_of_each_table():
    # The minimal plan's town: only Lạng Sơn has a Hữu Lũng before 2025.
    found = units.communes_named("Hữu Lũng", units.OLD)
    assert [(u.full, u.province, u.district) for u in found] == [("Thị trấn Hữu Lũng", "Tỉnh Lạng Sơn", "Huyện Hữu Lũng")]
    assert units.now_province("Tỉnh Lạng Sơn") == "Tỉnh Lạng Sơn"
    assert [u.full for u in units.districts("Hữu Lũng")] == ["Huyện Hữu Lũng"]
    assert units.communes("old", "Tỉnh Không Có") == {}
