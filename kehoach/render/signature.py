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
