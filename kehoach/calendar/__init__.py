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
    from kehoach.calendar import model, output, svg, text
    from kehoach.check import check_file

    checked = check_file(path, ignore)
    shown = Shown(diagnostics=checked.diagnostics)
    if checked.spec is None:
        return shown
    view = model.build(checked.spec)
    shown.text = text.render(view, _paint if colour else text.plain)
    if svg_out or png_out:
        picture = svg.render(view)
        if svg_out:
            output.write_new(svg_out, picture.encode("utf-8"), [path], force)
            shown.written.append(svg_out)
        if png_out:
            from kehoach.calendar.png import svg_to_png

            output.write_new(png_out, svg_to_png(picture), [path], force)
            shown.written.append(png_out)
    return shown


def _paint(content: str, style: dict) -> str:
    import click

    return click.style(content, **style) if style else content
