"""Nơi nhận (left) and the signature block (right), and the organ lines of the header."""

from __future__ import annotations

from kehoach.render import ooxml
from kehoach.spec.model import Plan

SIGNATURE_SPACE = 4  # empty lines left for the signature and seal


def noi_nhan(plan: Plan, footnotes) -> str:
    """`Nơi nhận:` then `- entry;` lines, the tool adding `- ` and `;`, and `- Lưu: VT, TH.` last."""
    out = [ooxml.paragraph(ooxml.run("Nơi nhận:"), "KHNoiNhan")]
    for entry in plan.recipients:
        text = entry.value.strip().rstrip(";,.")
        out.append(ooxml.paragraph(ooxml.inline(f"- {text};", footnotes), "KHNoiNhanMuc"))
    archive = plan.archive.value.strip().rstrip(".")
    out.append(ooxml.paragraph(ooxml.inline(f"- Lưu: {archive}.", footnotes), "KHNoiNhanMuc"))
    return "".join(out)


def nguoi_ky(plan: Plan) -> str:
    out = [ooxml.paragraph(ooxml.run(line.value.upper()), "KHChucVu") for line in plan.signer.lines]
    out += [ooxml.paragraph("", "KHChucVu")] * SIGNATURE_SPACE
    out.append(ooxml.paragraph(ooxml.run(plan.signer.name.value), "KHNguoiKy"))
    return "".join(out)


def co_quan(plan: Plan) -> str:
    """Cơ quan chủ quản (not bold) over the issuing organ (bold), both uppercase."""
    out = []
    if plan.organ.parent is not None:
        out += [ooxml.paragraph(ooxml.run(line.upper()), "KHCoQuanChuQuan") for line in plan.organ.parent.value.split("\n")]
    out += [ooxml.paragraph(ooxml.run(line.upper()), "KHCoQuanBanHanh") for line in plan.organ.name.value.split("\n")]
    return "".join(out)


def form_signature(signature) -> str:
    """A borderless two-column area at the foot of a blank form: `Người lập` left, the authority right."""
    half = 9355 // 2

    def side(lines) -> str:
        return "".join(ooxml.paragraph(ooxml.run(line.value), "KHChucVu") for line in lines) or "<w:p/>"

    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{half * 2}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{half}"/></w:tblGrid><w:tr>'
        f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/></w:tcPr>{side(signature.left)}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="{half}" w:type="dxa"/></w:tcPr>{side(signature.right)}</w:tc>'
        "</w:tr></w:tbl>"
    )
