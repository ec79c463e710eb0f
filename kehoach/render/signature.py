"""Nơi nhận (left) and the signature block (right), and the organ lines of the header."""

from __future__ import annotations

from kehoach.render import ooxml, styles
from kehoach.render.context import organ_lines
from kehoach.render.ooxml import Xml
from kehoach.render.tables import TEXT_WIDTH
from kehoach.spec.model import Organ, Plan, Signer

SIGNATURE_SPACE = 4  # empty lines left for the signature and seal
# A cơ quan chủ quản longer than this (13 pt, not bold, in the header's 65 mm) is broken in two.
PARENT_FITS = 26
JOINT_SIZE = 11  # pt: two organs share the 65 mm of one
HEADER_ORGAN_WIDTH = 3685  # twips: the header's left cell (65 mm, scripts/build_template.py)


def noi_nhan(plan: Plan, footnotes) -> Xml:
    """`Nơi nhận:` then `- entry;` lines, the tool adding `- ` and `;`, and `- Lưu: VT, TH.` last."""
    out = [ooxml.paragraph(ooxml.run("Nơi nhận:"), styles.NOI_NHAN, keep_next=True)]
    for entry in plan.recipients:
        text = entry.value.strip().rstrip(";,.")
        out.append(ooxml.paragraph(ooxml.inline(f"- {text};", footnotes), styles.NOI_NHAN_MUC, keep_next=True))
    archive = plan.archive.value.strip().rstrip(".")
    out.append(ooxml.paragraph(ooxml.inline(f"- Lưu: {archive}.", footnotes), styles.NOI_NHAN_MUC))
    return ooxml.join(out)


def nguoi_ky(signer: Signer) -> Xml:
    """The signer's authority and title, room for the signature, then the name: one block, kept together."""
    out = [ooxml.paragraph(ooxml.run(line.value.upper()), styles.CHUC_VU, keep_next=True) for line in signer.lines]
    out += [ooxml.paragraph(ooxml.EMPTY, styles.CHUC_VU, keep_next=True)] * SIGNATURE_SPACE
    out.append(ooxml.paragraph(ooxml.run(signer.name.value), styles.NGUOI_KY))
    return ooxml.join(out)


def co_quan(plan: Plan) -> Xml:
    """The issuing organ(s) of the header; a joint plan's organs stand side by side, smaller, each
    broken before its unit word (the header's left cell holds them all)."""
    if not plan.joint_organs:
        return _organ(plan.organ)
    width = HEADER_ORGAN_WIDTH // len(plan.organs)
    columns = [_organ(organ, fits=0, size=JOINT_SIZE) for organ in plan.organs]
    # The empty paragraph first: LibreOffice loses the first page's own (empty) header when a
    # document's first cell starts with a table, and would number page 1.
    return ooxml.spacer(styles.GACH) + ooxml.join(ooxml.table([width] * len(columns), [], [columns], bordered=False))


def _organ(organ: Organ, fits: int | None = PARENT_FITS, size: int | None = None) -> Xml:
    """Cơ quan chủ quản (not bold) over the issuing organ (bold), uppercase: as lines when written as
    lines, else broken where Vietnamese documents break them."""
    out = []
    if organ.parent is not None:
        parent = [line.upper() for line in organ.parent_lines] or organ_lines(organ.parent.value, fits=fits)
        out += [ooxml.paragraph(ooxml.run(line, size=size), styles.CO_QUAN_CHU_QUAN) for line in parent]
    name = [line.upper() for line in organ.name_lines] or organ_lines(organ.name.value)
    out += [ooxml.paragraph(ooxml.run(line, size=size), styles.CO_QUAN_BAN_HANH) for line in name]
    return ooxml.join(out)


def joint_signatures(plan: Plan) -> Xml:
    """A joint plan's other signers, for the left of the signature row (the first organ signs on the
    right); Nơi nhận then goes under the row."""
    return ooxml.join(nguoi_ky(signer) + ooxml.paragraph(ooxml.EMPTY, styles.CHUC_VU) for signer in plan.joint_signers)


def form_signature(signature) -> list[Xml]:
    """A borderless two-column area at the foot of a blank form: `Người lập` left, the authority right."""
    half = TEXT_WIDTH // 2

    def side(lines) -> Xml:
        return ooxml.join(ooxml.paragraph(ooxml.run(line.value), styles.CHUC_VU) for line in lines)

    return list(ooxml.table([half, half], [], [[side(signature.left), side(signature.right)]], bordered=False))
