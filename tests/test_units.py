"""The units tables are read a line at a time: a province's line when it is looked up, a name's line
of the sorted name index by bisection. Every name is found so, and a name the index lacks is not."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_PLAN
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


def test_the_tables_read_back_as_the_generator_built_them():
    pytest.importorskip("vietnamadminunits")
    script = Path(__file__).parent.parent / "scripts" / "generate_units.py"
    spec = importlib.util.spec_from_file_location("generate_units", script)
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    built = generator.build()
    assert units._current() == built["new"]
    assert units._legacy() == generator.packed(built["old"])


def test_a_check_of_a_plan_without_schedule_imports_no_json_parser(specs):
    path = specs.write("plan.yaml", MINIMAL_PLAN)
    code = "import sys; from kehoach.check import check_file; check_file(sys.argv[1]); print('json' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"
