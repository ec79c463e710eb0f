"""Values that used to crash the loader or pass silently."""

from conftest import MINIMAL_PLAN


def test_a_superscript_digit_is_not_a_number(specs):
    assert specs.messages(MINIMAL_PLAN + 'number: "²"\n') == [
        "KH-S004 `number` phải là một số nguyên, ví dụ `number: 1`"
    ]


def test_a_number_of_five_thousand_digits_is_out_of_range_without_being_converted(specs):
    assert specs.messages(MINIMAL_PLAN + "number: " + "9" * 5000 + "\n") == [
        "KH-S012 `number` phải từ 1 đến 999999 (đang là một số 5000 chữ số)"
    ]


def test_year_9999_is_out_of_range(specs):
    text = MINIMAL_PLAN.replace("date: 2023-09-25\n", "") + "year: 9999\n"
    assert specs.messages(text) == ["KH-S012 `year` phải từ 1945 đến 2100 (đang là 9999)"]


def test_a_plan_for_next_year_signed_late_in_the_year_is_pointed_out(specs):
    text = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2021-11-01") + "year: 2022\n"
    assert specs.messages(text) == [
        "KH-S019 kế hoạch năm 2022 ký ngày 01/11/2021: nếu đây là kế hoạch cho năm sau thì giữ nguyên "
        "(thêm `ignore: [KH-S019]`); nếu không, sửa `year: 2021` hoặc bỏ `year`"
    ]
    assert specs.check(text)[0] == "3:7 warning KH-S019"


def test_a_year_that_agrees_with_the_date_is_fine(specs):
    assert specs.check(MINIMAL_PLAN + "year: 2023\n") == []


def test_a_plan_dated_in_year_9999_checks_and_renders(specs, tmp_path):
    from kehoach.check import check_file
    from kehoach.render.job import render_files

    text = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 9999-12-31").replace("năm 2023", "năm {{ year }}") + (
        "window: {from: 9999-12-27, to: 9999-12-31}\nintro: ['Thời gian {{ window }}, đến năm {{ year + 1 }}.']\n"
    )
    path = specs.write("plan.yaml", text)
    # By then the thị trấn is merged into a xã and Phòng LĐ-TB&XH is gone: warnings, not errors.
    assert [d.code for d in check_file(path).diagnostics] == ["KH-P002", "KH-P002", "KH-R012"]
    done = render_files([path], str(tmp_path / "out.docx"), pdf=False, template=None, ignore=())
    assert not done.blocked and (tmp_path / "out.docx").stat().st_size > 0
