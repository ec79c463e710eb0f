"""The schedule of a plan or a schedule file as a month calendar: in the terminal, as SVG, as PNG."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.diagnostics import Diagnostic


@dataclass
class Shown:
    text: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def show(path: str, *, svg_out: str | None = None, png_out: str | None = None, colour: bool = False,
         force: bool = False, ignore: tuple[str, ...] = ()) -> Shown:
    """`kehoach lich`: the calendar as text (and as pictures when asked). A spec with errors is shown
    all the same — seeing the conflicts is the point — but one that cannot be read is not."""
    from kehoach.calendar import model, svg, text
    from kehoach.check import check_file

    checked = check_file(path, ignore)
    shown = Shown(diagnostics=checked.diagnostics)
    if checked.spec is None:
        return shown
    view = model.build(checked.spec)
    shown.text = text.render(view, _paint if colour else text.plain)
    if svg_out or png_out:
        from kehoach.outputs import Outputs

        outputs = Outputs(inputs=input_files(path, checked.spec), force=force,
                          overwrite_hint="thêm --force để ghi đè, hoặc chọn tên khác")
        picture = svg.render(view)
        if svg_out:
            outputs.add(svg_out, picture, "ảnh SVG của lịch")
        if png_out:
            from kehoach.calendar.png import svg_to_png

            outputs.add(png_out, svg_to_png(picture), "ảnh PNG của lịch")
        shown.written = outputs.write()
    return shown


def input_files(path: str, spec) -> list[str]:
    """The spec and every schedule it includes: what a command that reads them must never overwrite."""
    from kehoach.calendar.model import schedule_parts

    return [path, *(schedule.file for schedule, _window, _members in schedule_parts(spec))]


def _paint(content: str, style: dict) -> str:
    import click

    return click.style(content, **style) if style else content
