"""What `kehoach new` lists for a person to review: the documents cited before the new year (bases
first), then every year, date and lunar year name written literally, at any distance."""

from rolling import PLAN, project, run, schedule

from kehoach.lunar_years import names

TEXTS = """\
subject: Kiểm tra theo Kế hoạch số 12/KH-UBND ngày 05/01/2021 của UBND huyện năm {{ year }}
bases:
  - Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ;
  - Căn cứ tình hình thực tế của xã.
"""

SECTIONS = """\
sections:
  - title: NỘI DUNG
    body:
      - So sánh với kết quả rà soát năm 2015 và năm 2020.
      - Tết Nguyên đán Giáp Thìn năm {{ year }}, giai đoạn 2021 - 2025.
      - Nộp báo cáo trước ngày 15/12/2021; họp ngày 08/11.
"""


def rolled_output(tmp_path, year=2027):
    plan = PLAN.replace("subject: Kiểm tra năm {{ year }}\n", TEXTS).replace(
        "sections:\n  - title: NỘI DUNG\n    text: Kiểm tra.\n", SECTIONS
    )
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2021-kh.yaml").write_text(plan, encoding="utf-8")
    result = run("new", "--from", "plans/2021-kh.yaml", "--year", year)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cited_documents_come_first_bases_before_the_rest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = rolled_output(tmp_path)
    part = out.split("Cập nhật cho năm 2027 (văn bản được trích dẫn, căn cứ trước):\n")[1].split("Cần xem lại")[0]
    assert part.splitlines() == [
        "plans/2027-kh.yaml:6:12: Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ — cập nhật cho năm 2027",
        # a templated text: pointed at its start
        "plans/2027-kh.yaml:4:10: Kế hoạch số 12/KH-UBND ngày 05/01/2021 của UBND huyện năm 2027 — cập nhật cho năm 2027",
    ]


def test_every_literal_year_date_and_lunar_name_is_listed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = rolled_output(tmp_path)
    part = out.split("Cần xem lại (ngày tháng và năm viết thẳng trong văn bản, không được tự sửa):\n")[1]
    listed = [line for line in part.splitlines() if " KH-" not in line]
    assert listed == [
        # years six and eleven years back, which a two-year horizon missed
        "plans/2027-kh.yaml:12:41: 2015",
        "plans/2027-kh.yaml:12:53: 2020",
        # a templated text: its literal parts, pointed at the text's start
        "plans/2027-kh.yaml:13:9: Giáp Thìn — năm 2027 là năm Đinh Mùi",
        "plans/2027-kh.yaml:13:9: 2021 - 2025",
        # dates, with or without their year
        "plans/2027-kh.yaml:14:32: 15/12/2021",
        "plans/2027-kh.yaml:14:53: 08/11",
    ]
    # the cited documents' own dates and numbers are not repeated here
    assert "16/7/2021" not in part and "05/01/2021" not in part


def test_a_lunar_name_is_listed_even_for_the_year_it_names(tmp_path, monkeypatch):
    """`Giáp Thìn` in a plan rolled to 2024 is right, but only until the next roll: a person decides."""
    monkeypatch.chdir(tmp_path)
    assert "Giáp Thìn — năm 2024 là năm Giáp Thìn" in rolled_output(tmp_path, 2024)


def test_lunar_names_are_found_anywhere_as_written():
    assert names("Tết Giáp  Thìn năm {{ year }}; XUÂN BÍNH NGỌ; quý I; Giáp Sơn") == [(4, "Giáp  Thìn"), (36, "BÍNH NGỌ")]


def test_the_path_of_a_schedule_is_not_prose_to_review(tmp_path):
    # `Lịch tháng 11-2021.yaml` becomes `Lịch tháng 11-2027.yaml`: a file name, not a date in the text
    plan = project(tmp_path, ("Lịch tháng 11-2021.yaml", schedule()))
    result = run("new", "--from", plan, "--year", 2027)
    assert (tmp_path / "schedules" / "Lịch tháng 11-2027.yaml").exists()
    assert "Cần xem lại" not in result.stdout
