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
            "Căn cứ Thông tư số 02/2022/TT-BLĐTBXH ngày 31/3/2022 của Bộ Lao động - Thương binh và Xã hội.",
            "Căn cứ Thông tư số 02/2022/TT-BLĐTBXH ngày 30/3/2022 của Bộ Lao động - Thương binh và Xã hội.",
            "KH-R010 Thông tư `02/2022/TT-BLĐTBXH` ban hành ngày 30/3/2022, không phải 31/3/2022 "
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
        "KH-R009 Quyết định `24/2021/QĐ-TTg` ban hành ngày 16/7/2021, không phải 16/7/2022",
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
    # A commune plan after the reorganisation, addressed to bodies that still exist.
    PLAN_2025 = MINIMAL_PLAN.replace("2023", "2025").replace("09-25", "10-01").replace(
        '"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND tỉnh (b/c)"').replace("place: Thị trấn Hữu Lũng", "place: Hữu Lũng").replace("THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG")

    def test_a_ministry_document_after_the_merger(self, specs):
        assert messages(specs, "Căn cứ Công văn số 100/LĐTBXH-VPQGGN ngày 10/3/2025 của Bộ Lao động - Thương binh và Xã hội.", self.PLAN_2025) == [
            "KH-R012 `100/LĐTBXH-VPQGGN` ngày 10/3/2025: từ 01/3/2025 Bộ Lao động - Thương binh và Xã hội đã hợp nhất "
            "vào Bộ Nội vụ (công tác giảm nghèo chuyển sang Bộ Nông nghiệp và Môi trường); kiểm tra lại cơ quan ban hành"
        ]

    def test_a_provincial_labour_department_document_after_the_merger(self, specs):
        assert messages(specs, "Thực hiện Hướng dẫn số 03/HD-SLĐTBXH ngày 10/4/2025 của Sở Lao động - Thương binh và Xã hội.",
                        self.PLAN_2025) == [
            "KH-R012 `03/HD-SLĐTBXH` ngày 10/4/2025: từ 01/3/2025 Sở Lao động - Thương binh và Xã hội đã hợp nhất vào "
            "Sở Nội vụ (công tác giảm nghèo chuyển sang Sở Nông nghiệp và Môi trường); kiểm tra lại cơ quan ban hành"
        ]
        assert messages(specs, "Thực hiện Hướng dẫn số 03/HD-SLĐTBXH ngày 10/4/2024 của Sở Lao động - Thương binh và Xã hội.",
                        self.PLAN_2025) == []

    def test_a_huyen_organ_after_july_2025(self, specs):
        plan = self.PLAN_2025.replace("{name: ỦY BAN NHÂN DÂN XÃ HỮU LŨNG, code: UBND}", "{name: ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG, code: UBND}")
        assert specs.codes(plan.replace("date: 2025-10-01", "date: 2025-08-04")) == ["KH-R012"]
        assert specs.codes(plan.replace("date: 2025-10-01", "date: 2025-06-30")) == []

    def test_a_district_draft_of_2026_is_certainly_out_of_date(self, specs):
        plan = MINIMAL_PLAN.replace("{name: ỦY BAN NHÂN DÂN THỊ TRẤN HỮU LŨNG, code: UBND}",
                                    "{parent: UBND HUYỆN HỮU LŨNG, name: BAN CHỈ ĐẠO GIẢM NGHÈO, code: BCĐ}")
        draft = plan.replace("date: 2023-09-25", "year: 2026").replace('"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND tỉnh (b/c)"').replace(
            "place: Thị trấn Hữu Lũng", "place: Hữu Lũng").replace("THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG")
        assert specs.messages(draft) == [
            "KH-R012 kế hoạch năm 2026 do một cơ quan cấp huyện ban hành, nhưng từ 01/7/2025 chính quyền địa phương "
            "chỉ còn hai cấp (tỉnh, xã), không còn Ủy ban nhân dân huyện: kiểm tra lại cơ quan ban hành"
        ]
        # A draft of 2025 may have been written before July: not certain, so silent.
        assert specs.codes(draft.replace("year: 2026", "year: 2025")) == []

    def test_the_labour_department_named_in_a_2026_plan(self, specs):
        draft = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2026").replace(
            "place: Thị trấn Hữu Lũng", "place: Hữu Lũng").replace("THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG")
        text = draft + (
            'intro: ["Phối hợp với Sở Lao động - Thương binh và Xã hội hướng dẫn các xã rà soát."]\n'
        )
        assert specs.messages(text) == [
            "KH-R012 kế hoạch năm 2026 còn nêu `Phòng LĐ, TB, XH`: từ 01/3/2025 Phòng Lao động - Thương binh và Xã hội "
            "đã hợp nhất vào Phòng Nội vụ, và từ 01/7/2025 không còn cấp huyện; sửa lại tên cơ quan",
            "KH-R012 kế hoạch năm 2026 còn nêu `Sở Lao động - Thương binh và Xã hội`: từ 01/3/2025 Sở Lao động - "
            "Thương binh và Xã hội đã hợp nhất vào Sở Nội vụ (công tác giảm nghèo chuyển sang Sở Nông nghiệp và Môi trường); "
            "sửa lại tên cơ quan",
        ]
        assert specs.check(text)[1] == "11:23 warning KH-R012"

    def test_a_citation_names_its_issuer_as_it_was(self, specs):
        draft = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2026").replace('"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND tỉnh (b/c)"').replace(
            "place: Thị trấn Hữu Lũng", "place: Hữu Lũng").replace("THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG")
        assert messages(specs, "Căn cứ Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021 của Bộ Lao động - Thương binh và Xã hội; "
                        "Kế hoạch số 20/KH-UBND ngày 25/01/2024 của UBND huyện Tủa Chùa.", draft) == []

    def test_a_district_committee_among_the_recipients_of_a_2026_plan(self, specs):
        draft = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2026").replace("place: Thị trấn Hữu Lũng", "place: Hữu Lũng").replace("THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG")
        assert specs.check(draft.replace('"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND huyện (b/c)"')) == ["8:14 warning KH-R012"]
        # A named district: the place rule says what replaced it.
        assert specs.check(draft.replace('"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND huyện Hữu Lũng (b/c)"')) == ["8:26 warning KH-P002"]


def test_the_example_plans_cite_correctly(specs):
    from pathlib import Path

    from kehoach.check import check_file

    for plan in (Path(__file__).parent.parent / "plans").glob("*.yaml"):
        assert [d.code for d in check_file(str(plan)).diagnostics if d.code.startswith("KH-R")] == []


def test_a_malformed_citation_is_reported_where_it_is_written(specs):
    text = MINIMAL_PLAN + 'bases: ["Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ ."]\n'
    assert specs.check(text) == ["11:51 warning KH-R013", "11:85 warning KH-R013"]
    assert specs.messages(text)[1] == "KH-R013 `phủ .` có dấu cách trước dấu `.`: viết `phủ.`"


class TestTheLawOfTheYear:
    """Documents plans cite from 2025 on (kehoach/data/registry.yaml)."""

    PLAN_2027 = MINIMAL_PLAN.replace("date: 2023-09-25", "year: 2027").replace("năm 2023", "năm 2027").replace(
        '"Phòng LĐ, TB, XH-DT (b/c)"', '"UBND tỉnh (b/c)"').replace("place: Thị trấn Hữu Lũng", "place: Hữu Lũng").replace(
        "THỊ TRẤN HỮU LŨNG", "XÃ HỮU LŨNG")

    def test_the_2021_poverty_standard_is_replaced_in_2027(self, specs):
        sentence = "Căn cứ Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ."
        assert messages(specs, sentence, self.PLAN_2027) == [
            "KH-R011 Nghị định `07/2021/NĐ-CP` đã được thay thế bởi 351/2025/NĐ-CP từ ngày 01/01/2027: "
            "kế hoạch năm 2027 nên căn cứ văn bản mới"
        ]
        assert messages(specs, sentence, self.PLAN_2027.replace("year: 2027", "year: 2026").replace("năm 2027", "năm 2026")) == []

    def test_the_local_government_law_of_2025(self, specs):
        right = "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025 của Quốc hội."
        assert messages(specs, right, self.PLAN_2027) == []
        assert messages(specs, right.replace("16/6/2025", "19/6/2025"), self.PLAN_2027) == [
            "KH-R009 Luật `72/2025/QH15` ban hành ngày 16/6/2025, không phải 19/6/2025"
        ]

    def test_the_decrees_on_the_merged_ministries(self, specs):
        sentence = ("Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21/02/2025 của Chính phủ; Nghị định số 35/2025/NĐ-CP "
                    "ngày 25/02/2025 của Chính phủ; Thông tư số 13/2025/TT-BNNMT ngày 19/6/2025 của Bộ Nông nghiệp và Môi trường.")
        assert messages(specs, sentence, self.PLAN_2027) == []
        assert messages(specs, sentence.replace("25/02/2025", "26/02/2025"), self.PLAN_2027) == [
            "KH-R009 Nghị định `35/2025/NĐ-CP` ban hành ngày 25/02/2025, không phải 26/02/2025"
        ]


def test_every_document_of_2025_on_names_its_source():
    from kehoach.refs.registry import entries

    recent = [e for e in entries() if e.number.split("/")[1:2] >= ["2025"] and e.number.split("/")[1].isdigit()]
    assert len(recent) >= 8
    assert [e.number for e in recent if not e.source] == []
    # A date is confirmed only when a published text gives it.
    assert [e.number for e in recent if e.confirmed and "text" not in e.source] == []


def test_schedule_rows_are_not_read_for_citations(specs):
    from kehoach.check import check_file
    from kehoach.refs.in_spec import references

    specs.write("lich.yaml", "title: LỊCH KIỂM TRA\nintro: [Theo Kế hoạch số 12/KH-UBND ngày 02/10/2023.]\n"
                "window: {from: 2023-10-02, to: 2023-10-06}\nrows:\n"
                "  - {date: 2023-10-03, place: Thôn 1 (Quyết định số 99/QĐ-UBND), members: [Tổ 1]}\n")
    path = specs.write("plan.yaml", MINIMAL_PLAN + "appendices: [{schedule: lich.yaml}]\n")
    assert [r.number for _, r in references(check_file(path).spec)] == ["12/KH-UBND"]
