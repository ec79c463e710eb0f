"""Rules on cited documents: each fires on a minimal spec and stays silent on the corrected one."""

import pytest

from conftest import MINIMAL_PLAN


PLAN_2021 = MINIMAL_PLAN.replace("2023-09-25", "2021-11-01").replace("2023", "2021")


def with_base(sentence: str, plan: str = MINIMAL_PLAN) -> str:
    return plan + f'bases: ["{sentence}"]\n'


def messages(specs, sentence: str, plan: str = MINIMAL_PLAN) -> list[str]:
    return specs.messages(with_base(sentence, plan))


@pytest.mark.parametrize(
    "wrong, right, expected",
    [
        (
            "Căn cứ Thông tư số 10/2022/TT-BLĐTBH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội.",
            "Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Lao động - Thương binh và Xã hội.",
            "KH-R001 `10/2022/TT-BLĐTBH`: không có cơ quan ban hành ký hiệu `BLĐTBH`: có phải `BLĐTBXH`?",
        ),
        (
            "Căn cứ Thông tư số 14/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội.",
            "Căn cứ Thông tư số 14/2018/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội.",
            "KH-R002 Thông tư `14/TT-BLĐTBXH` thiếu năm ban hành trong số ký hiệu: "
            "có phải `14/2018/TT-BLĐTBXH` (Thông tư ngày 26/9/2018)?",
        ),
        (
            "Căn cứ Thông tư số 24/2014 của Bộ Lao động - Thương binh và Xã hội.",
            "Căn cứ Thông tư số 24/2014/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội.",
            "KH-R003 `Thông tư số 24/2014 của Bộ Lao động - Thương binh và Xã hội` thiếu ký hiệu văn bản sau số "
            "`24/2014`: có phải `24/2014/TT-BLĐTBXH` (Thông tư ngày 06/9/2014)?",
        ),
        (
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2022 của Thủ tướng Chính phủ.",
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.",
            "KH-R004 `24/2021/QĐ-TTg` mang năm 2021 nhưng ghi ngày 16/7/2022: một trong hai bị sai",
        ),
        (
            "Thực hiện Kế hoạch số 12/QĐ-UBND ngày 10/01/2023 của UBND huyện.",
            "Thực hiện Quyết định số 12/QĐ-UBND ngày 10/01/2023 của UBND huyện.",
            "KH-R005 `Kế hoạch số 12/QĐ-UBND`: ký hiệu `QĐ` là Quyết định, không phải Kế hoạch: sửa tên loại hoặc ký hiệu",
        ),
        (
            "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Thủ tướng Chính phủ.",
            "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ.",
            "KH-R006 `07/2021/NĐ-CP` có ký hiệu `CP` (Chính phủ) nhưng câu viết `của Thủ tướng Chính phủ`: sửa một trong hai",
        ),
        (
            "Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ Tài chính.",
            "Căn cứ Thông tư số 10/2022/TT-BLĐTBXH ngày 31/5/2022 của Bộ trưởng Bộ Lao động - TB&XH.",
            "KH-R006 `10/2022/TT-BLĐTBXH` có ký hiệu `BLĐTBXH` (Bộ Lao động - Thương binh và Xã hội) "
            "nhưng câu viết `của Bộ Tài chính`: sửa một trong hai",
        ),
        (
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Chính phủ.",
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.",
            "KH-R006 `24/2021/QĐ-TTg` có ký hiệu `TTg` (Thủ tướng Chính phủ) nhưng câu viết `của Chính phủ`: sửa một trong hai",
        ),
        (
            "Thực hiện Kế hoạch số 300/KH-UBND ngày 02/10/2023 của UBND huyện Hữu Lũng.",
            "Thực hiện Kế hoạch số 237/KH-UBND ngày 06/7/2023 của UBND huyện Hữu Lũng.",
            "KH-R007 `300/KH-UBND` ngày 02/10/2023 sau ngày ký kế hoạch 25/9/2023: "
            "kế hoạch không thể thực hiện một văn bản ban hành sau nó; kiểm tra lại ngày",
        ),
        (
            "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/02/2021 của Chính phủ.",
            "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ.",
            "KH-R009 Nghị định `07/2021/NĐ-CP` ban hành ngày 27/01/2021, không phải 27/02/2021",
        ),
        (
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 17/7/2021 của Thủ tướng Chính phủ.",
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.",
            "KH-R010 Quyết định `24/2021/QĐ-TTg` ban hành ngày 16/7/2021, không phải 17/7/2021 "
            "(ngày này trong danh mục chưa được đối chiếu với văn bản gốc)",
        ),
        (
            "Căn cứ Quyết định số 59/2015/QĐ-TTg ngày 19/11/2015 của Thủ tướng Chính phủ.",
            "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ.",
            "KH-R011 Quyết định `59/2015/QĐ-TTg` đã được thay thế bởi 07/2021/NĐ-CP từ ngày 01/01/2022: "
            "kế hoạch năm 2023 nên căn cứ văn bản mới",
        ),
        # Text mangled by copying from the web or a PDF (`refs` repairs it; `check` says how to fix it).
        (
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ.",
            "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.",
            "KH-R013 ngày `16/7/20 21` có dấu cách thừa: viết `16/7/2021`",
        ),
        (
            "Căn cứ Văn bản hợp nhất số 1315/VBHN -BLĐTBXH ngày 07/4/2017 của Bộ Lao động - Thương binh và Xã hội.",
            "Căn cứ Văn bản hợp nhất số 1315/VBHN-BLĐTBXH ngày 07/4/2017 của Bộ Lao động - Thương binh và Xã hội.",
            "KH-R013 `1315/VBHN -BLĐTBXH` có dấu cách thừa trong số ký hiệu: viết `1315/VBHN-BLĐTBXH`",
        ),
        (
            "Căn cứ Thông tư số 07/2021/TT-BLĐTBXH .",
            "Căn cứ Thông tư số 07/2021/TT-BLĐTBXH.",
            "KH-R013 `07/2021/TT-BLĐTBXH .` có dấu cách trước dấu `.`: viết `07/2021/TT-BLĐTBXH.`",
        ),
        (   # seed 000
            "Theo Thông tư 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ trưởng Bộ Lao động - TB&XH hướng dẫn thực hiện.",
            "Theo Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ trưởng Bộ Lao động - TB&XH hướng dẫn thực hiện.",
            "KH-R014 `Thông tư 07/2021/TT-BLĐTBXH` thiếu chữ `số`: viết `Thông tư số 07/2021/TT-BLĐTBXH`",
        ),
    ],
)
def test_rule_fires_and_is_silent_on_the_correction(specs, wrong, right, expected):
    assert messages(specs, wrong)[0] == expected
    assert messages(specs, right) == []


def test_a_wrong_year_is_also_checked_against_the_registry(specs):
    assert messages(specs, "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2022 của Thủ tướng Chính phủ.") == [
        "KH-R004 `24/2021/QĐ-TTg` mang năm 2021 nhưng ghi ngày 16/7/2022: một trong hai bị sai",
        "KH-R010 Quyết định `24/2021/QĐ-TTg` ban hành ngày 16/7/2021, không phải 16/7/2022 "
        "(ngày này trong danh mục chưa được đối chiếu với văn bản gốc)",
    ]


def test_one_document_with_two_dates_is_reported_at_the_later_citation(specs):
    text = MINIMAL_PLAN + (
        "bases: [Thực hiện Kế hoạch số 237/KH-UBND ngày 06/7/2023 của UBND huyện Hữu Lũng.]\n"
        'closing: ["Theo Kế hoạch số 237/KH-UBND ngày 07/7/2023 của UBND huyện Hữu Lũng./."]\n'
    )
    assert specs.check(text) == ["12:46 warning KH-R008"]
    assert specs.messages(text) == ["KH-R008 `237/KH-UBND` ghi ngày 07/7/2023, nhưng ở trên ghi ngày 06/7/2023: thống nhất một ngày"]


def test_a_tinh_and_its_huyen_may_both_have_a_plan_with_one_number(specs):
    text = MINIMAL_PLAN + (
        "bases: [Thực hiện Kế hoạch số 237/KH-UBND ngày 06/7/2023 của UBND huyện Hữu Lũng;"
        " Kế hoạch số 237/KH-UBND ngày 01/8/2023 của UBND tỉnh Lạng Sơn.]\n"
    )
    assert specs.check(text) == []


def test_numbers_restart_each_year(specs):
    text = MINIMAL_PLAN + "bases: [Căn cứ Quyết định số 90/QĐ-TTg ngày 20/01/2023 của Thủ tướng Chính phủ.]\n"
    assert specs.check(text) == []  # not the 2022 programme decision, another decision of 2023


def test_a_draft_compares_with_the_end_of_its_year(specs):
    draft = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2023")
    assert messages(specs, "Thực hiện Kế hoạch số 300/KH-UBND ngày 02/10/2023 của UBND huyện Hữu Lũng.", draft) == []
    assert messages(specs, "Thực hiện Kế hoạch số 300/KH-UBND ngày 02/01/2024 của UBND huyện Hữu Lũng.", draft) == [
        "KH-R007 `300/KH-UBND` ngày 02/01/2024 sau năm 2023 của kế hoạch: "
        "kế hoạch không thể thực hiện một văn bản ban hành sau nó; kiểm tra lại ngày"
    ]


def test_administrative_symbols_are_correct_and_silent(specs):
    sentence = (
        "Thực hiện Công văn số 4789/LĐTBXH-VPQGGN ngày 23/11/2015 của Bộ Lao động - Thương binh và Xã hội; "
        "Văn bản số 3681/UBND-LĐTBXH ngày 25/10/2021 của UBND huyện; "
        "Văn bản hợp nhất số 1315/VBHN-BLĐTBXH ngày 07/4/2017 của Bộ Lao động - Thương binh và Xã hội."
    )
    assert messages(specs, sentence, PLAN_2021) == []


def test_a_sunday_signing_date_is_not_a_problem(specs):
    sentence = "Căn cứ Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ Lao động - Thương binh và Xã hội."
    assert messages(specs, sentence) == []


def test_the_second_number_in_a_list_has_no_kind_of_its_own(specs):
    sentence = ("Thực hiện Kế hoạch số 731/KH-UBND ngày 12/3/2021 của UBND huyện; "
                "số 3681/UBND-LĐTBXH ngày 25/10/2021 của UBND huyện.")
    assert messages(specs, sentence, PLAN_2021) == []


class TestReorganisation2025:
    def test_a_ministry_document_after_the_merger(self, specs):
        plan = MINIMAL_PLAN.replace("2023", "2025").replace("09-25", "10-01")
        assert messages(specs, "Căn cứ Công văn số 100/LĐTBXH-VPQGGN ngày 10/3/2025 của Bộ Lao động - Thương binh và Xã hội.", plan) == [
            "KH-R012 `100/LĐTBXH-VPQGGN` ngày 10/3/2025: từ 01/3/2025 Bộ Lao động - Thương binh và Xã hội đã hợp nhất "
            "vào Bộ Nội vụ (công tác giảm nghèo chuyển sang Bộ Nông nghiệp và Môi trường); kiểm tra lại cơ quan ban hành"
        ]

    def test_a_huyen_organ_after_july_2025(self, specs):
        plan = MINIMAL_PLAN.replace("{name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}", "{name: ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG, code: UBND}")
        assert specs.codes(plan.replace("date: 2023-09-25", "date: 2025-08-04")) == ["KH-R012"]
        assert specs.codes(plan.replace("date: 2023-09-25", "date: 2025-06-30")) == []


def test_the_example_plans_cite_correctly(specs):
    from pathlib import Path

    from kehoach.check import check_file

    for plan in (Path(__file__).parent.parent / "plans").glob("*.yaml"):
        assert [d.code for d in check_file(str(plan)).diagnostics if d.code.startswith("KH-R")] == []


def test_a_malformed_citation_is_reported_where_it_is_written(specs):
    text = MINIMAL_PLAN + 'bases: ["Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ ."]\n'
    assert specs.check(text) == ["11:51 warning KH-R013", "11:85 warning KH-R013"]
    assert specs.messages(text)[1] == "KH-R013 `phủ .` có dấu cách trước dấu `.`: viết `phủ.`"
