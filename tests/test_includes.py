"""A plan includes schedules from its own folder tree only: `check`, `render`, `lich`, `ics` and the
web page read what the plan names, so a received plan must not reach files elsewhere."""

import os

import pytest

from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
from kehoach.check import check_file

SCHEDULE = MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã Đăk Ang, members: [pho_truong_ban, nn]}\n"


def plan_including(path: str) -> str:
    return MINIMAL_PLAN.replace("2023", "2021") + f"window: {{from: 2021-11-08, to: 2021-11-15}}\nappendices:\n  - schedule: {path}\n"


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "ngoai"
    folder.mkdir()
    schedule = folder / "lich.yaml"
    schedule.write_text(SCHEDULE, encoding="utf-8")
    return schedule


@pytest.mark.parametrize("how", ["absolute", "parent", "link"])
def test_a_schedule_outside_the_plans_folder_is_refused(specs, outside, how):
    (specs.root / "ke-hoach").mkdir()
    if how == "link":
        os.symlink(outside, specs.root / "ke-hoach" / "lich.yaml")
    named = {"absolute": str(outside), "parent": "../ngoai/lich.yaml", "link": "lich.yaml"}[how]
    path = specs.write("ke-hoach/plan.yaml", plan_including(named))
    found = [d.as_text() for d in check_file(path).diagnostics]
    assert len(found) == 1 and "KH-S011" in found[0]
    assert f"tệp lịch `{named}` nằm ngoài thư mục" in found[0] and "ghi đường dẫn tương đối" in found[0]


def test_plans_beside_schedules_as_init_lays_them_out_are_fine(specs):
    (specs.root / "plans").mkdir()
    (specs.root / "schedules").mkdir()
    specs.write("schedules/lich.yaml", SCHEDULE)
    assert specs.check(plan_including("../schedules/lich.yaml"), name="plans/plan.yaml") == []


def test_a_folder_link_inside_the_plans_folder_that_leads_out_is_refused(specs, outside):
    (specs.root / "ke-hoach").mkdir()
    os.symlink(outside.parent, specs.root / "ke-hoach" / "lich")
    path = specs.write("ke-hoach/plan.yaml", plan_including("lich/lich.yaml"))
    assert [d.code for d in check_file(path).diagnostics] == ["KH-S011"]


@pytest.mark.parametrize("how", ["plain", "link within"])
def test_a_schedule_in_the_plans_folder_is_read_however_the_folder_is_reached(specs, how):
    """The plan's folder reached through a link, and a link that stays inside it, are fine."""
    specs.write("that/lich.yaml", SCHEDULE)
    os.symlink(specs.root / "that", specs.root / "this")
    named = "lich.yaml"
    if how == "link within":
        (specs.root / "that" / "lich2").mkdir()
        os.symlink(specs.root / "that" / "lich.yaml", specs.root / "that" / "lich2" / "lich.yaml")
        named = "lich2/lich.yaml"
    specs.write("that/plan.yaml", plan_including(named))
    assert [d.as_text() for d in check_file(str(specs.root / "this" / "plan.yaml")).diagnostics] == []


def test_where_a_schedule_lies_is_what_resolving_both_paths_says(tmp_path, monkeypatch):
    """`included_path` against its definition — the schedule's real path lies in the real project
    folder — on a tree of folders, files and links (in, out, up, dangling, looping), from plans
    named absolutely and relatively."""
    from kehoach.spec.includes import included_path, project_folder

    def by_definition(plan_file, relative):
        if os.path.isabs(relative):
            return None
        path = os.path.normpath(os.path.join(os.path.dirname(plan_file), relative))
        root = os.path.realpath(project_folder(plan_file))
        return path if os.path.commonpath([root, os.path.realpath(path)]) == root else None

    outside = tmp_path / "ngoai"
    (outside / "x").mkdir(parents=True)
    (outside / "x" / "lich.yaml").write_text("")
    top = tmp_path / "du-an"
    for folder in ("plans", "schedules/con", "khac"):
        (top / folder).mkdir(parents=True)
    for name in ("schedules/lich.yaml", "schedules/con/lich.yaml", "khac/lich.yaml"):
        (top / name).write_text("")
    links = {
        "schedules/ra": outside, "schedules/ra-tep": outside / "x" / "lich.yaml", "schedules/vao": top / "khac",
        "schedules/len": "..", "schedules/treo": "khong-co", "schedules/vong": "vong", "plans/lich": "../schedules",
        "cua": top / "plans",
    }
    for name, target in links.items():
        os.symlink(target, top / name)
    names = ["lich.yaml", "con/lich.yaml", "ra/x/lich.yaml", "ra-tep", "vao/lich.yaml", "len/khac/lich.yaml",
             "treo/lich.yaml", "vong/lich.yaml", "khong-co.yaml", "x\x00y.yaml"]
    relatives = [f"../schedules/{n}" for n in names] + [f"lich/{n}" for n in names] + ["../khac/lich.yaml", "../../ngoai/x/lich.yaml"]
    monkeypatch.chdir(top)
    seen = set()
    for plan in (top / "plans" / "plan.yaml", top / "cua" / "plan.yaml", "plans/plan.yaml", "cua/plan.yaml", "../du-an/plans/plan.yaml"):
        for relative in relatives:
            try:
                expected = by_definition(str(plan), relative)
            except ValueError as refused:
                expected = refused.__class__
            try:
                found = included_path(str(plan), relative)
            except ValueError as refused:
                found = refused.__class__
            assert found == expected, (plan, relative)
            seen.add(expected is None)
    assert seen == {True, False}
