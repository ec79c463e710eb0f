"""KH-S018: ` #` glued to text in an unquoted value is cut by YAML as a comment."""

from conftest import MINIMAL_PLAN


def test_a_hash_glued_to_text_warns_where_the_text_was_cut(specs):
    text = MINIMAL_PLAN + "intro: Kiểm tra hộ #12 và hộ #13 trong tháng\n"
    assert specs.check(text) == ["11:20 warning KH-S018"]
    assert specs.messages(text) == [
        "KH-S018 `intro`: YAML coi phần từ `#12` đến hết dòng là ghi chú và bỏ khỏi văn bản: "
        'đặt cả giá trị trong ngoặc kép, ví dụ `"Kiểm tra hộ #12 và hộ #13 trong tháng"`'
    ]


def test_a_note_written_as_a_comment_is_fine(specs):
    text = MINIMAL_PLAN.replace("place: Thị trấn Hữu Lũng", "place: Thị trấn Hữu Lũng   # bản gốc in sai dấu")
    assert specs.check(text) == []


def test_a_quoted_value_keeps_its_hash(specs):
    assert specs.check(MINIMAL_PLAN + 'intro: "Kiểm tra hộ #12"\n') == []
