"""Write a plan or a schedule as a Word document.

The template's skeleton (header table, title, signature table) holds the
placeholders a user may move and restyle in Word; the body, tables, numbering
and footnotes come from our XML layer as finished paragraphs. The result goes
straight into the package: no DOM is built, so the cost stays linear.
"""

from __future__ import annotations

from kehoach.render import ooxml, package
from kehoach.render.appendices import appendices_xml, schedule_xml
from kehoach.render.body import body_xml
from kehoach.render.context import dia_danh_ngay, metadata, so_ky_hieu, type_name
from kehoach.errors import TemplateError
from kehoach.render.signature import co_quan, joint_signatures, noi_nhan, nguoi_ky
from kehoach.render.skeleton import Finished, fill, placeholders
from kehoach.spec.model import Plan, Schedule


def render_plan(plan: Plan, out_path: str, template: str | None = None) -> None:
    chosen = package.load_template(template)
    footnotes = ooxml.Footnotes(
        {key: text.value for key, text in plan.footnotes.items()}, first_id=chosen.next_footnote_id
    )
    context = {
        "co_quan": co_quan(plan),
        "so": so_ky_hieu(plan),
        "dia_danh_ngay": dia_danh_ngay(plan),
        "ten_loai": type_name(plan).upper(),
        "trich_yeu": ooxml.plain(plan.subject.value),
        "noi_dung": Finished(body_xml(plan, footnotes)),
        "noi_nhan": noi_nhan(plan, footnotes),
        "nguoi_ky": nguoi_ky(plan.signer),
        "phu_luc": Finished(appendices_xml(plan, footnotes)),
    }
    if plan.joint_signers:
        # Joint plan: the signature blocks side by side, Nơi nhận under them (before the appendices).
        if "phu_luc" not in placeholders(chosen.skeleton, chosen.path):
            raise TemplateError(f"`{chosen.path}`: kế hoạch liên tịch cần chỗ điền `{{{{p phu_luc }}}}` sau bảng chữ ký (Nơi nhận in ở đó).")
        context["phu_luc"] = Finished([context["noi_nhan"], context["phu_luc"].chunks])
        context["noi_nhan"] = joint_signatures(plan)
    document = fill(chosen.skeleton, context)
    package.write(chosen, out_path, document, footnotes.bodies, *metadata(plan))


def render_schedule(schedule: Schedule, out_path: str, template: str | None = None) -> None:
    """A schedule on its own: its title, subtitle, lines and table, in the template's styles and page."""
    chosen = package.load_template(template)
    footnotes = ooxml.Footnotes({}, first_id=chosen.next_footnote_id)
    body = schedule_xml(schedule, schedule.members, footnotes, first_page=True)
    package.write(chosen, out_path, chosen.body_only(body), footnotes.bodies, *metadata(schedule))
