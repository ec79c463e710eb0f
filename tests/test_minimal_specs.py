from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE


def test_the_minimal_plan_is_clean(specs):
    assert specs.check(MINIMAL_PLAN) == []


def test_the_minimal_schedule_is_clean(specs):
    assert specs.check(MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã A, members: [nn]}\n", "s.yaml") == []
