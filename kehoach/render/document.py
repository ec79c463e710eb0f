"""Write a plan or a schedule as a Word document from a docxtpl template.

docxtpl fills the template's skeleton (header table, title, signature table),
whose placeholders a user may move and restyle in Word. What docxtpl handles
badly — the body, large tables, numbering, footnotes — is built by our XML
layer and handed to it as finished paragraphs.
"""

from __future__ import annotations

from importlib import resources

from kehoach.fileio import atomic_output
from kehoach.render import ooxml
from kehoach.render.appendices import appendices_xml, schedule_xml
from kehoach.render.body import body_xml
from kehoach.render.context import dia_danh_ngay, so_ky_hieu, title, type_name
from kehoach.render.signature import co_quan, noi_nhan, nguoi_ky
from kehoach.spec.model import Plan, Schedule

FOOTNOTES_URI = "/word/footnotes.xml"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
)


def default_template() -> str:
    return str(resources.files("kehoach").joinpath("data/kehoach.docx"))


def _environment():
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    # The template is the user's file: sandboxed, strict, and autoescaped (so `TB&XH` stays `TB&XH`).
    return ImmutableSandboxedEnvironment(undefined=StrictUndefined, autoescape=True)


def _markup(xml: str):
    from markupsafe import Markup

    return Markup(xml)


def render_plan(plan: Plan, out_path: str, template: str | None = None) -> None:
    from docxtpl import DocxTemplate

    document = DocxTemplate(template or default_template())
    document.init_docx()  # docxtpl loads lazily; the footnotes a template holds decide our first id
    existing = _footnotes_part(document.docx)
    footnotes = ooxml.Footnotes(
        {key: text.value for key, text in plan.footnotes.items()},
        first_id=_highest_footnote_id(existing) + 1,
    )
    context = {
        "co_quan": _markup(co_quan(plan)),
        "so": ooxml.clean(so_ky_hieu(plan)),
        "dia_danh_ngay": ooxml.clean(dia_danh_ngay(plan)),
        "ten_loai": type_name(plan).upper(),
        "trich_yeu": ooxml.clean(ooxml.plain(plan.subject.value)),
        "noi_dung": _markup(body_xml(plan, footnotes)),
        "noi_nhan": _markup(noi_nhan(plan, footnotes)),
        "nguoi_ky": _markup(nguoi_ky(plan)),
        "phu_luc": _markup(appendices_xml(plan, footnotes)),
    }
    document.render(context, jinja_env=_environment(), autoescape=True)
    docx = document.docx
    _add_footnotes(docx, _footnotes_part(docx), footnotes)
    docx.core_properties.title = title(plan)
    docx.core_properties.author = ooxml.clean(plan.organ.name.value)
    _save(docx, out_path)


def render_schedule(schedule: Schedule, out_path: str, template: str | None = None) -> None:
    """A schedule on its own: its title, subtitle, lines and table, in the template's styles."""
    from docx import Document
    from docx.oxml import parse_xml

    footnotes = ooxml.Footnotes({})
    xml = schedule_xml(schedule, schedule.members, footnotes)
    docx = Document(template or default_template())
    body = docx.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    fragment = parse_xml(f"<w:body {_W}>{xml}</w:body>")
    section = body[0] if len(body) else None
    for child in list(fragment):
        if section is not None:
            section.addprevious(child)
        else:
            body.append(child)
    first = body[0].find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pageBreakBefore")
    if first is not None:
        first.getparent().remove(first)
    docx.core_properties.title = ooxml.plain(schedule.title.value) if schedule.title else "Lịch"
    _save(docx, out_path)


_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnotes_part(docx):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return next((rel.target_part for rel in docx.part.rels.values() if rel.reltype == RT.FOOTNOTES), None)


def _highest_footnote_id(part) -> int:
    if part is None:
        return 0
    from lxml import etree

    return max((int(note.get(f"{_W_NS}id", "0")) for note in etree.fromstring(part.blob)), default=0)


def _add_footnotes(docx, existing, footnotes: ooxml.Footnotes) -> None:
    """Add the footnotes part, or append to the one a user's template already holds."""
    if not footnotes.bodies:
        return
    ours = "".join(footnotes.bodies)
    if existing is None:
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_W}>{_SEPARATORS}{ours}</w:footnotes>'
        part = docx.part
        part.relate_to(Part(PackURI(FOOTNOTES_URI), CT.WML_FOOTNOTES, blob.encode("utf-8"), part.package), RT.FOOTNOTES)
        return
    from lxml import etree

    root = etree.fromstring(existing.blob)
    root.extend(etree.fromstring(f"<w:footnotes {_W}>{ours}</w:footnotes>"))
    if hasattr(existing, "_element"):
        existing._element = root
    else:
        existing._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _save(docx, out_path: str) -> None:
    with atomic_output(out_path) as tmp:
        docx.save(tmp)
