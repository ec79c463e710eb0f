"""The calendar as a PNG: the SVG drawn by cairosvg, so the picture is exactly the SVG's.

cairosvg needs the system's cairo library (Debian `libcairo2`); without it the user is told what to
install."""

from __future__ import annotations

from kehoach.errors import ToolMissing


def svg_to_png(svg: str, scale: float = 1.5) -> bytes:
    try:
        import cairosvg
    except (ImportError, OSError) as missing:
        # cairocffi raises OSError when the cairo library itself is absent.
        raise ToolMissing(
            "không vẽ được ảnh PNG vì thiếu thư viện cairo: cài `cairosvg` (pip install cairosvg) và "
            "thư viện cairo của hệ thống (Debian/Ubuntu: `apt-get install libcairo2`), "
            f"hoặc dùng --svg ({missing})"
        ) from missing
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
