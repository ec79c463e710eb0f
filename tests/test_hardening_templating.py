"""Expressions in text are bounded: what is cheap to write is cheap to run, and every failure is a
KH-T001 at the value's line, never a crash, a hang or gigabytes of memory."""

import resource
import subprocess
import sys

import pytest

from conftest import MINIMAL_PLAN

# Each is one `intro` line, from line 12 of the plan on.
ATTACKS = [
    '{{ "x" * 1000000000 }}',
    '{{ ("x" ~ "y") * 999999999 }}',
    "{{ 7 ** 999999 }}",
    "{{ (10 ** 64) ** 64 }}",
    "{{ (2 ** 64) * (2 ** 64) * (2 ** 64) * (2 ** 64) * (2 ** 64) * (2 ** 64) * (2 ** 64) * (2 ** 64) * (2 ** 4000) }}",
    '{{ "%0999999999d" % 1 }}',
    '{{ "x" | center(999999999) }}',
    '{{ "x" | indent(999999999) }}',
    '{{ "ab" | replace("a", "aaaaaaaaaa") | replace("a", "aaaaaaaaaa") }}',
    '{{ "{:>999999999}".format(1) }}',
    '{{ "x".ljust(999999999) }}',
    '{% for a in "x" * 99999 %}{% for b in "x" * 99999 %}x{% endfor %}{% endfor %}',
    "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    '{% set s = "xx" %}{{ s }}',
    "{{ lipsum(99999) }}",
    "{{ window.from | so }}",
]


def test_every_attack_is_a_diagnostic_at_its_line_within_bounded_time_and_memory(tmp_path):
    intro = "".join("  - '" + a.replace("'", "''") + "'\n" for a in ATTACKS)
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\nintro:\n" + intro, encoding="utf-8")

    def limit_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024,) * 2)

    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "check", str(plan)],
        capture_output=True, text=True, timeout=60, preexec_fn=limit_memory,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(": ")[0].split(":", 1)[1] for line in lines] == [f"{13 + i}:5" for i in range(len(ATTACKS))]
    assert all(" error KH-T001 " in line for line in lines)


@pytest.mark.parametrize(
    "expression, message",
    [
        ('{{ "x" * 1000000000 }}', "biểu thức bị chặn vì không an toàn: kết quả quá lớn (nhân một chuỗi hay danh sách với một số); viết thẳng giá trị cần in"),
        ("{{ 2 ** 5000 }}", "biểu thức bị chặn vì không an toàn: kết quả quá lớn (số quá lớn); viết thẳng giá trị cần in"),
        ('{{ "x" | center(9) }}', "không có bộ lọc `center`: các bộ lọc dùng được: `ngay`, `ngay_dai`, `thu`, `so`, `capitalize`, `upper`, `lower`, `title`, `trim`, `default`, `string`, `int`, `abs`, `round`, `length`"),
        ('{% for a in "xy" %}{{ a }}{% endfor %}', "biểu thức bị chặn vì không an toàn: văn bản không được dùng vòng lặp `{% for %}`; chỉ dùng tên, số, phép tính, bộ lọc và `{% if %}`"),
        ("{{ window.from | so }}", "bộ lọc `so` cần một số tiền hay số lượng, không phải `2023-10-01`"),
        ("{{ year / 0 }}", "biểu thức chia cho 0: sửa phép tính"),
        ('{{ year + "a" }}', "biểu thức tính trên hai giá trị không hợp nhau (ví dụ cộng chữ với số, hay ngày với số): sửa phép tính"),
        ("{{ year", "biểu thức viết sai: kiểm tra cặp `{{ ... }}` (hay `{% if %}...{% endif %}`), dấu ngoặc và tên bộ lọc"),
        ("{{ window.tu }}", "biểu thức dùng một thuộc tính không có: chỉ dùng `year`, `number`, `date`, `window`, `window.from`, `window.to`"),
    ],
)
def test_what_each_refusal_says(specs, expression, message):
    text = MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\nintro: '" + expression.replace("'", "''") + "'\n"
    assert specs.messages(text) == [f"KH-T001 {message}"]


def test_every_message_is_vietnamese_without_python_words(specs):
    for attack in ATTACKS:
        text = MINIMAL_PLAN + "window: {from: 2023-10-01, to: 2023-10-20}\nintro: '" + attack.replace("'", "''") + "'\n"
        (message,) = specs.messages(text)
        assert not any(word in message for word in ("Error", "error", "undefined", "object", "Traceback")), message


def test_what_plans_write_still_works(specs):
    text = MINIMAL_PLAN + (
        "window: {from: 2023-10-01, to: 2023-10-20}\n"
        "intro: ['{% if year %}Năm {{ year + 1 }}{% endif %}, {{ 12600000 | so }} đồng, {{ (year * 2) % 7 }}, {{ window | capitalize }}.']\n"
    )
    assert specs.check(text) == []


def test_a_window_given_but_invalid_is_reported_once_not_as_missing(specs):
    text = MINIMAL_PLAN + "window: {from: 2023-11-20, to: 2023-11-31}\nintro: '{{ window | capitalize }}, đến {{ window.to | ngay }}.'\n"
    assert specs.codes(text) == ["KH-S006"]
    schedule = "window: {from: 2023-11-20, to: 2023-11-31}\ntitle: LỊCH NĂM {{ year }} {{ window }}\nrows: []\n"
    assert specs.codes(schedule, "lich.yaml") == ["KH-S006"]
    assert specs.messages(MINIMAL_PLAN + "intro: '{{ window }}'\n") == [
        "KH-T001 `window` chưa có giá trị ở đây: thêm `window: {from: ..., to: ...}` vào kế hoạch (hoặc vào lịch)"]
