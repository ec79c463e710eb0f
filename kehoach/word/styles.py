"""Effective formatting from styles.xml: what a run or paragraph inherits from its style chain.

Word resolves a property from the run itself, then its character style, then the paragraph's style
(following `basedOn`), then the document defaults; the layout rules and the bold/italic markup need
that value, not only what the run states."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from kehoach.word.package import W

_OFF = {"0", "false", "off", "none"}


def toggle(rpr: etree._Element | None, name: str) -> bool | None:
    """b, i, caps...: True/False when stated in `rpr`, None when not."""
    if rpr is None:
        return None
    element = rpr.find(W + name)
    if element is None:
        return None
    return element.get(W + "val", "true").lower() not in _OFF


def size(rpr: etree._Element | None) -> float | None:
    """The size in points (w:sz is in half-points)."""
    element = rpr.find(W + "sz") if rpr is not None else None
    if element is None:
        return None
    try:
        return int(element.get(W + "val", "")) / 2
    except ValueError:
        return None


def font(rpr: etree._Element | None) -> str | None:
    element = rpr.find(W + "rFonts") if rpr is not None else None
    if element is None:
        return None
    name = element.get(W + "ascii") or element.get(W + "hAnsi")
    if name:
        return name
    # A theme font (asciiTheme): the theme decides; the run names no font of its own.
    return "(theme)" if element.get(W + "asciiTheme") else None


@dataclass
class RunFormat:
    bold: bool = False
    italic: bool = False
    size: float | None = None
    font: str | None = None


class Styles:
    def __init__(self, root: etree._Element | None):
        self._by_id: dict[str, etree._Element] = {}
        self._cache: dict[tuple, object] = {}
        self.default_rpr = None
        self.default_ppr = None
        self.default_paragraph_style = None
        if root is None:
            return
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr")
            self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr")
        for style in root.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if style_id:
                self._by_id[style_id] = style
                if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true"):
                    self.default_paragraph_style = style_id

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and those it is based on, nearest first (a loop in basedOn stops)."""
        found, seen = [], set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            style = self._by_id[style_id]
            found.append(style)
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        return found

    def name(self, style_id: str | None) -> str:
        style = self._by_id.get(style_id or "")
        element = style.find(W + "name") if style is not None else None
        return (element.get(W + "val") or "") if element is not None else (style_id or "")

    def paragraph_property(self, style_id: str | None, tag: str) -> etree._Element | None:
        """A pPr child (numPr, jc, pageBreakBefore) as the paragraph style chain gives it."""
        key = ("p", style_id or self.default_paragraph_style, tag)
        if key not in self._cache:
            found = None
            for style in self.chain(style_id or self.default_paragraph_style):
                ppr = style.find(W + "pPr")
                if ppr is not None and (found := ppr.find(W + tag)) is not None:
                    break
            if found is None and self.default_ppr is not None:
                found = self.default_ppr.find(W + tag)
            self._cache[key] = found
        return self._cache[key]

    def run_format(self, paragraph_style: str | None, run_style: str | None, rpr: etree._Element | None) -> RunFormat:
        base = self._inherited(paragraph_style or self.default_paragraph_style, run_style)
        bold, italic = toggle(rpr, "b"), toggle(rpr, "i")
        return RunFormat(
            base.bold if bold is None else bold,
            base.italic if italic is None else italic,
            size(rpr) or base.size,
            font(rpr) or base.font,
        )

    def _inherited(self, paragraph_style: str | None, run_style: str | None) -> RunFormat:
        key = ("r", paragraph_style, run_style)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        layers = [s.find(W + "rPr") for s in self.chain(run_style)]
        layers += [s.find(W + "rPr") for s in self.chain(paragraph_style)]
        layers.append(self.default_rpr)
        result = RunFormat()
        result.bold = next((v for r in layers if (v := toggle(r, "b")) is not None), False)
        result.italic = next((v for r in layers if (v := toggle(r, "i")) is not None), False)
        result.size = next((v for r in layers if (v := size(r)) is not None), None)
        result.font = next((v for r in layers if (v := font(r)) is not None), None)
        self._cache[key] = result
        return result
