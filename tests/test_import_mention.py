"""`import` writes `organ.mention` when the document names its organ in running text differently from
what kehoach would write from the uppercase name: the `(Kèm theo … của …)` line, else a paragraph
that writes the whole name."""

from import_docs import p, r, table, tc, write_docx
from kehoach.importer.plan import import_document


def _plan(path, *body: str, kem_theo: str | None = "UBND xã Hòa Bình"):
    header = table([[tc(p(r("UBND HUYỆN TỦA CHÙA")), p(r("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", b=True)), p(r("Số: 12/KH-UBND"))),
                     tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True)), p(r("Độc lập - Tự do - Hạnh phúc", b=True)),
                        p(r("Hòa Bình, ngày 05 tháng 3 năm 2026", i=True)))]], borderless=True, widths=2)
    write_docx(path, header + p(r("KẾ HOẠCH", b=True)) + p(r("Rà soát hộ nghèo năm 2026", b=True)) + "".join(body)
               + table([[tc(p(r("Nơi nhận:"))), tc(p(r("CHỦ TỊCH", b=True)), p(r("Lê Văn Bình", b=True)))]], borderless=True, widths=2)
               + (p(r("PHỤ LỤC", b=True), page_break=True) + p(r("DANH SÁCH THÔN", b=True))
                  + p(r(f"(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/3/2026 của {kem_theo})", i=True))
                  + p(r("Thôn 1, thôn 2.")) if kem_theo else ""))


def test_the_kem_theo_line_gives_the_mention(tmp_path):
    _plan(tmp_path / "kh.docx", p(r("I. MỤC ĐÍCH", b=True)), p(r("Rà soát đúng./.")))
    organ = import_document(str(tmp_path / "kh.docx")).plan["organ"]
    assert organ["mention"] == "UBND xã Hòa Bình"


def test_a_paragraph_naming_the_organ_gives_the_mention(tmp_path):
    write_docx(tmp_path / "kh.docx", table([[
        tc(p(r("SỞ NỘI VỤ", b=True)), p(r("Số: 3/KH-SNV"))),
        tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True)), p(r("Lạng Sơn, ngày 05 tháng 3 năm 2026", i=True)))]],
        borderless=True, widths=2)
        + p(r("KẾ HOẠCH", b=True)) + p(r("Bồi dưỡng năm 2026", b=True))
        + p(r("Sở nội vụ xây dựng Kế hoạch như sau:")) + p(r("I. MỤC ĐÍCH", b=True)) + p(r("Bồi dưỡng./.")))
    assert import_document(str(tmp_path / "kh.docx")).plan["organ"]["mention"] == "Sở nội vụ"


def test_no_mention_when_the_document_writes_what_kehoach_would(tmp_path):
    _plan(tmp_path / "kh.docx", p(r("Ủy ban nhân dân xã Hòa Bình xây dựng Kế hoạch như sau:")),
          p(r("I. MỤC ĐÍCH", b=True)), p(r("Rà soát đúng./.")), kem_theo="Ủy ban nhân dân xã Hòa Bình")
    assert "mention" not in import_document(str(tmp_path / "kh.docx")).plan["organ"]


def test_the_kem_theo_line_wins_over_a_paragraph(tmp_path):
    _plan(tmp_path / "kh.docx", p(r("Ủy ban nhân dân xã Hòa Bình xây dựng Kế hoạch như sau:")),
          p(r("I. MỤC ĐÍCH", b=True)), p(r("Rà soát đúng./.")))
    assert import_document(str(tmp_path / "kh.docx")).plan["organ"]["mention"] == "UBND xã Hòa Bình"
