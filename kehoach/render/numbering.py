"""Section numbers as Vietnamese documents print them: `I.`, `1.`, `1.1.`, `a)`."""

from __future__ import annotations

from functools import lru_cache

from kehoach.render import styles
from kehoach.vnformat import roman

# Vietnamese letter order for a), b), ... (no f, j, w, z; đ after d).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()



# Labels repeat from document to document (`I.`, `1.`, `a)`): each is worked out once.
@lru_cache(maxsize=4096)
def label(style: str, n: int, parent: str = "") -> str:
    """The label of the n-th item (from 1) in `style`; `parent` is the parent's label (for `1.1.`)."""
    if style == "roman":
        return f"{roman(n)}."
    if style == "arabic":
        return f"{n}."
    if style == "decimal":
        stem = parent.rstrip(".)")
        return f"{stem}.{n}." if stem else f"{n}."
    if style == "alpha":
        return f"{LETTERS[(n - 1) % len(LETTERS)] * ((n - 1) // len(LETTERS) + 1)})"
    return ""


# Paragraph style of a heading by its numbering style (ND30: I. and 1. and 1.1. bold, a) not).
HEADING_STYLE = {"roman": styles.DE_MUC_1, "arabic": styles.DE_MUC_2, "decimal": styles.DE_MUC_3, "alpha": styles.DE_MUC_4}
