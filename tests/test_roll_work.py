"""`kehoach new` costs about what `check` of the new plan costs (speed itself is measured by
bench/bench_new.py; these tests pin down the work and the memory that used to be spent twice)."""

import weakref

from rolling import project, schedule

from kehoach import check, yearly
from kehoach.roll import calendar
from kehoach.spec import yaml_source


def test_the_old_files_are_let_go_before_the_new_plan_is_checked(tmp_path, monkeypatch):
    plan = project(tmp_path, ("2021-lich.yaml", schedule()))
    read, alive = yaml_source.read, []
    monkeypatch.setattr(yaml_source, "read", lambda path: alive.append(weakref.ref(source := read(path))) or source)
    real_check = check.check_file

    def check_file(path):
        assert [ref() for ref in alive] == [None, None]  # the old plan's and schedule's trees
        return real_check(path)

    monkeypatch.setattr(check, "check_file", check_file)
    assert yearly.roll_forward(str(plan), 2022).written


def test_each_day_of_the_schedule_is_looked_up_once_for_each_week_tried(tmp_path, monkeypatch):
    rows = "rows:\n" + "".join(f"  - {{date: 2021-11-{8 + i % 5:02d}, place: Xã {i}, members: [A]}}\n" for i in range(500))
    plan = project(tmp_path, ("2021-lich.yaml", rows))
    looked_up = []
    status = calendar.workdays.status
    monkeypatch.setattr(calendar.workdays, "status", lambda day: looked_up.append(day) or status(day))
    monkeypatch.setattr(check, "check_file", lambda path: check.Checked(None, []))  # only the roll's own look-ups
    yearly.roll_forward(str(plan), 2022)
    assert len(looked_up) <= 2 * 5 + 6  # two weeks tried × five days, and a few for the window's bounds
