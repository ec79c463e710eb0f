"""Nơi nhận (left) and the signature block (right), and the organ lines of the header."""

from __future__ import annotations

from kehoach.render import ooxml, styles
from kehoach.render.context import organ_lines
from kehoach.render.ooxml import Xml
from kehoach.render.tables import TEXT_WIDTH
from kehoach.spec.model import Plan

SIGNATURE_SPACE = 4  # empty lines left for the signature and seal
# A cơ quan chủ quản longer than this (13 pt, not bold, in the header's 65 mm) is broken in two.
PARENT_FITS = 26


def noi_nhan(plan: Plan, footnotes) -> Xml:
    """`Nơi nhận:` then `- entry;` lines, the tool adding `- ` and `;`, and `- Lưu: VT, TH.` last."""
    out = [ooxml.paragraph(ooxml.run("Nơi nhận:"), styles.NOI_NHAN, keep_next=True)]
    for entry in plan.recipients:
        text = entry.value.strip().rstrip(";,.")
        out.append(ooxml.paragraph(ooxml.inline(f"- {text};", footnotes), styles.NOI_NHAN_MUC, keep_next=True))
    archive = plan.archive.value.strip().rstrip(".")
    out.append(ooxml.paragraph(ooxml.inline(f"- Lưu: {archive}.", footnotes), styles.NOI_NHAN_MUC))
    return ooxml.join(out)


def nguoi_ky(plan: Plan) -> Xml:
    """The signer's authority and title, room for the signature, then the name: one block, kept together."""
    out = [ooxml.paragraph(ooxml.run(line.value.upper()), styles.CHUC_VU, keep_next=True) for line in plan.signer.lines]
    out += [ooxml.paragraph(ooxml.EMPTY, styles.CHUC_VU, keep_next=True)] * SIGNATURE_SPACE
    out.append(ooxml.paragraph(ooxml.run(plan.signer.name.value), styles.NGUOI_KY))
    return ooxml.join(out)


def co_quan(plan: Plan) -> Xml:
    """Cơ quan chủ quản (not bold) over the issuing organ (bold), both uppercase, broken into lines
    where Vietnamese documents break them."""
    out = []
    if plan.organ.parent is not None:
        for line in organ_lines(plan.organ.parent.value, fits=PARENT_FITS):
            out.append(ooxml.paragraph(ooxml.run(line), styles.CO_QUAN_CHU_QUAN))
    for line in organ_lines(plan.organ.name.value):
        out.append(ooxml.paragraph(ooxml.run(line), styles.CO_QUAN_BAN_HANH))
    return ooxml.join(out)


def form_signature(signature) -> list[Xml]:
    """A borderless two-column area at the foot of a blank form: `Người lập` left, the authority right."""
    half = TEXT_WIDTH // 2

    def side(lines) -> Xml:
        return ooxml.join(ooxml.paragraph(ooxml.run(line.value), styles.CHUC_VU) for line in lines)

    return list(ooxml.table([half, half], [], [[side(signature.left), side(signature.right)]], bordered=False))
