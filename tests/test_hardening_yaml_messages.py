"""YAML syntax errors a clerk makes, said in Vietnamese with the line and the line as it should be."""

import pytest

from kehoach.spec import yaml_source


@pytest.mark.parametrize(
    "text, where, message",
    [
        (
            'subject: "Kiểm tra "nhanh" công tác"\n', (1, 21),
            'dấu ngoặc kép bên trong đoạn văn làm giá trị kết thúc sớm: viết nó thành `\\"` (hoặc dùng “ ”), '
            'ví dụ `subject: "Kiểm tra \\"nhanh\\" công tác"`',
        ),
        (
            "intro:\n  - *Lưu ý: kiểm tra hồ sơ\n", (2, 7),
            'đoạn văn bắt đầu bằng `*` bị YAML đọc là bí danh: đặt cả đoạn trong ngoặc kép, ví dụ `- "*Lưu ý: kiểm tra hồ sơ"`',
        ),
        (
            "intro:\n  - *Ghi chú*\n", (2, 5),
            'đoạn văn bắt đầu bằng `*` bị YAML đọc là bí danh: đặt cả đoạn trong ngoặc kép, ví dụ `- "*Ghi chú*"`',
        ),
        (
            "recipients: [Năm {{ year }}, Lưu VT]\n", (1, 18),
            'biểu thức `{{ ... }}` trong danh sách `[...]` phải nằm trong ngoặc kép, ví dụ `recipients: ["Năm {{ year }}", "Lưu VT"]`',
        ),
        (
            "subject: {{ year }} kế hoạch\n", (1, 21),
            'biểu thức `{{ ... }}` ở đầu giá trị phải nằm trong ngoặc kép, ví dụ `subject: "{{ year }} kế hoạch"`',
        ),
        ("intro:\n  - | abc\n", (2, 7), 'đoạn văn bắt đầu bằng `|` phải đặt trong ngoặc kép, ví dụ `- "| abc"`'),
        ('subject: "abc\n', (2, 1), 'ngoặc kép chưa đóng: thêm `"` ở cuối giá trị'),
    ],
)
def test_syntax_errors_name_the_line_and_the_fix(tmp_path, text, where, message):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    (problem,) = yaml_source.read(str(path)).diagnostics
    assert (problem.pos.line, problem.pos.column, problem.code) == (*where, "KH-F003")
    assert problem.message == f"YAML sai cú pháp ở dòng {where[0]}: {message}"


def test_an_unknown_problem_is_still_said_in_vietnamese(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("a: b\n--- !\n...\n%YAML 1.1\n", encoding="utf-8")
    (problem,) = yaml_source.read(str(path)).diagnostics
    assert problem.message.isascii() is False and "expected" not in problem.message and "found" not in problem.message
