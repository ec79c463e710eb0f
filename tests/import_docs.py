"""Word documents written the way Word writes them, for the import tests: runs split inside words,
rsids on every run, spell-check marks and bookmarks between runs, tracked insertions and deletions,
automatic numbering from numbering.xml, soft breaks, tabs, non-breaking and double spaces, real
footnotes, merged cells, a text box, a PAGE field in the header. Built from XML strings into a zip, so
every byte is what a test means."""

from __future__ import annotations

import zipfile
from itertools import count
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
_rsid = count(0x00A1B2C3)
_bookmark = count(1)


def r(text: str, b: bool = False, i: bool = False, size: int | None = 28, font: str = "Times New Roman") -> str:
    """A run with an rsid, its formatting stated on the run as Word does after direct formatting."""
    props = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else ""
    props += ("<w:b/>" if b else "") + ("<w:i/>" if i else "")
    props += f'<w:sz w:val="{size}"/>' if size else ""
    parts = text.split("\n")
    inner = '<w:br/>'.join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' for part in parts).replace("\t", "</w:t><w:tab/><w:t>")
    return f'<w:r w:rsidR="{next(_rsid):08X}"><w:rPr>{props}</w:rPr>{inner}</w:r>'


def split(text: str, at: int, **fmt) -> str:
    """One word's runs split as Word splits them after an edit, with a spell-check mark and a bookmark between."""
    mark = next(_bookmark)
    return (r(text[:at], **fmt) + '<w:proofErr w:type="spellStart"/>'
            + f'<w:bookmarkStart w:id="{mark}" w:name="_GoBack"/><w:bookmarkEnd w:id="{mark}"/>'
            + r(text[at:], **fmt) + '<w:proofErr w:type="spellEnd"/>')


def ins(text: str, **fmt) -> str:
    return f'<w:ins w:id="{next(_bookmark)}" w:author="Cán bộ" w:date="2024-03-01T08:00:00Z">{r(text, **fmt)}</w:ins>'


def dele(text: str, **fmt) -> str:
    run = r(text, **fmt).replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
    return f'<w:del w:id="{next(_bookmark)}" w:author="Cán bộ" w:date="2024-03-01T08:00:00Z">{run}</w:del>'


def footnote_ref(n: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def textbox(text: str) -> str:
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
        f'<w:txbxContent><w:p>{r(text)}</w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>'
        f'</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p>{r(text)}</w:p></w:txbxContent>'
        '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )


def p(*runs: str, jc: str | None = None, num: tuple[int, int] | None = None, rule: bool = False, page_break: bool = False) -> str:
    props = ""
    if num:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if page_break:
        props += "<w:pageBreakBefore/>"
    if rule:
        props += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
    if jc:
        props += f'<w:jc w:val="{jc}"/>'
    return f'<w:p w:rsidR="{next(_rsid):08X}" w:rsidRDefault="00C4D5E6"><w:pPr>{props}</w:pPr>{"".join(runs)}</w:p>'


def tc(*paragraphs: str, span: int = 1, vmerge: str | None = None) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge:
        props += "<w:vMerge/>"
    return f'<w:tc><w:tcPr>{props}</w:tcPr>{"".join(paragraphs) or "<w:p/>"}</w:tc>'


def table(rows: list[list[str]], borderless: bool = False, widths: int = 1) -> str:
    borders = ("".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
               if borderless else "".join(f'<w:{s} w:val="single" w:sz="4"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV")))
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(widths))
    body = "".join(f"<w:tr>{''.join(row)}</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def numbering(levels: list[tuple[str, str]], num_id: int = 1, abstract: int = 0, restart_num: int | None = None) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    extra = ""
    if restart_num:
        extra = (f'<w:num w:numId="{restart_num}"><w:abstractNumId w:val="{abstract}"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    return (f'<w:numbering {NS}><w:abstractNum w:abstractNumId="{abstract}">{lvls}</w:abstractNum>'
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>{extra}</w:numbering>')


def write_docx(path, body: str, *, numbering_xml: str | None = None, footnotes: dict[int, str] | None = None,
               margins=(1134, 1134, 1701, 850), page_field: bool = True, title_page: bool = True) -> None:
    top, bottom, left, right = margins
    reference = '<w:headerReference w:type="default" r:id="rIdH"/>' if page_field else ""
    sect = (f'<w:sectPr>{reference}'
            f'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}"/>'
            f'{"<w:titlePg/>" if title_page else ""}</w:sectPr>')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}{sect}</w:body></w:document>'
    rels = ['<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    types = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>']
    parts = {"word/styles.xml": f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>'
             '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>'}
    if numbering_xml:
        parts["word/numbering.xml"] = numbering_xml
        rels.append('<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
        types.append('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>')
    if footnotes:
        notes = "".join(f'<w:footnote w:id="{k}"><w:p><w:r><w:footnoteRef/></w:r>{r(" " + text, size=20)}</w:p></w:footnote>' for k, text in footnotes.items())
        parts["word/footnotes.xml"] = (f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                                       f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>')
        rels.append('<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
        types.append('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
    if page_field:
        parts["word/header1.xml"] = (f'<w:hdr {NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                                     '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                                     '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>')
        rels.append('<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>')
        types.append('<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   + "".join(types) + "</Types>")
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(rels) + "</Relationships>")
        z.writestr("word/document.xml", document)
        for name, xml in parts.items():
            z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + xml)


def clerk_plan(path, *, word_numbering: bool = True, draft: bool = False, zero_month: bool = False) -> None:
    """An inspection plan as a clerk types it in Word (the test's expected spec is written beside it)."""
    date = "ngày      tháng 4 năm 2024" if draft else ("ngày 05 tháng 03 năm 2024" if zero_month else "ngày 05 tháng 3 năm 2024")
    number = "Số:       /KH-BCĐ" if draft else "Số: 12/KH-BCĐ"
    header = table([
        [tc(p(r("UBND XÃ TÂN\u00a0LẬP", size=26), jc="center"), p(r("BAN CHỈ ĐẠO\nGIẢM NGHÈO", b=True, size=26), jc="center"),
            p(jc="center", rule=True)),
         tc(p(r("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", b=True, size=26), jc="center"),
            p(split("Độc lập - Tự do - Hạnh phúc", 9, b=True), jc="center"), p(jc="center", rule=True))],
        [tc(p(r(number, size=26), jc="center")), tc(p(r(f"Tân Lập, {date}", i=True), jc="center"))],
    ], borderless=True, widths=2)
    if word_numbering:
        def head(level: int, title: str, text: str | None = None) -> str:
            runs = r(title, b=True) + (r(": " + text) if text else "")
            return p(runs, num=(1, level))
    else:
        counters = [0, 0]

        def head(level: int, title: str, text: str | None = None) -> str:
            counters[level] += 1
            if level == 0:
                counters[1] = 0
            label = ["I", "II", "III", "IV"][counters[0] - 1] + "." if level == 0 else f"{counters[1]}."
            runs = r(label + " " + title, b=True) + (r(": " + text) if text else "")
            return p(runs)
    body = "".join([
        header,
        p(r("KẾ HOẠCH", b=True), jc="center"),
        p(split("Kiểm tra công tác giảm nghèo năm 2024", 22, b=True), jc="center"),
        p(jc="center", rule=True),
        p(r("Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/2021 của Thủ tướng Chính phủ quy định quy trình rà soát hộ nghèo, hộ cận nghèo hằng năm;", i=True)),
        p(r("Thực hiện Kế hoạch số 30/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân huyện về công tác giảm nghèo năm 2024.", i=True)),
        p(r("Ban Chỉ đạo xây dựng Kế hoạch kiểm tra\u00a0như  sau:")),
        head(0, "MỤC ĐÍCH, YÊU CẦU"),
        head(1, "Mục đích", "Đánh giá kết quả thực hiện công tác giảm nghèo"),
        p(r("- Kiểm tra việc rà soát\thộ nghèo"), r(" tại các thôn", i=True), r(";")),
        p(r("- Đề xuất giải pháp "), ins("mới "), dele("cũ "), r("cho năm sau"), footnote_ref(1), r(".")),
        head(0, "THỜI GIAN, ĐỊA ĐIỂM"),
        head(1, "Thời gian", "Từ ngày 08/4 đến ngày 12/4/2024."),
        head(1, "Địa điểm", "Tại 03 thôn."),
        p(r("Trên đây là Kế hoạch kiểm tra công tác giảm nghèo năm 2024 của Ban Chỉ đạo./.")),
        table([[
            tc(p(r("Nơi nhận:", b=True, i=True, size=24)), p(r("- UBND huyện (b/c);", size=22)),
               p(r("- Các thôn;", size=22)), p(r("- Lưu: VT, BCĐ.", size=22))),
            tc(p(r("TM. BAN CHỈ ĐẠO", b=True), jc="center"), p(r("TRƯỞNG BAN", b=True), jc="center"), p(), p(),
               p(r("Nguyễn Văn An", b=True), jc="center")),
        ]], borderless=True, widths=2),
        p(r("LỊCH KIỂM TRA", b=True), jc="center", page_break=True),
        p(r("(Kèm theo Kế hoạch số 12/KH-BCĐ ngày 05/3/2024 của Ban Chỉ đạo)", i=True), jc="center"),
        p(textbox("Mẫu 01")),
        table([
            [tc(p(r("STT", b=True))), tc(p(r("Ngày", b=True))), tc(p(r("Buổi", b=True))), tc(p(r("Địa bàn", b=True))), tc(p(r("Thành phần", b=True)))],
            [tc(p(r("ĐOÀN KIỂM TRA SỐ 1", b=True)), span=5)],
            [tc(p(r("1"))), tc(p(r("Thứ Hai, 08/4/2024")), vmerge="restart"), tc(p(r("Sáng"))), tc(p(r("Thôn 1"))),
             tc(p(r("1. Trưởng ban Chỉ đạo")), p(r("2. Công chức Văn hóa - Xã hội")))],
            [tc(p(r("2"))), tc(p(), vmerge="continue"), tc(p(r("Chiều"))), tc(p(r("Thôn 2"))),
             tc(p(r("1. Trưởng ban Chỉ đạo")), p(r("2. Công chức Văn hóa - Xã hội")))],
            [tc(p(r("3"))), tc(p(r("Thứ Ba, 09/4/2024"))), tc(p(r("Sáng"))), tc(p(r("Thôn 3"))),
             tc(p(r("1. Trưởng ban Chỉ đạo")), p(r("2. Bí thư Đoàn xã")))],
        ], widths=5),
    ])
    levels = [("upperRoman", "%1."), ("decimal", "%2.")]
    write_docx(path, body, numbering_xml=numbering(levels) if word_numbering else None,
               footnotes={1: "Theo mẫu của Ủy ban nhân dân huyện."})
