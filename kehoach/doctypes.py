"""Document type codes and the kind words that name them, in one table.

The administrative documents of Nghị định 30/2020 (Phụ lục III) — what a plan's `type` may be and
what its title prints — and the normative documents (Luật Ban hành văn bản quy phạm pháp luật) a plan
cites. The loader, the renderer and the reference extractor all read these.
"""

TYPE_NAMES = {
    "KH": "Kế hoạch", "QĐ": "Quyết định", "NQ": "Nghị quyết", "CT": "Chỉ thị", "QC": "Quy chế",
    "QyĐ": "Quy định", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản",
    "TTr": "Tờ trình", "HĐ": "Hợp đồng", "CĐ": "Công điện", "GM": "Giấy mời", "GGT": "Giấy giới thiệu",
}
TYPE_CODES = tuple(TYPE_NAMES)

# Normative documents; a law's symbol carries the legislature (`45/2019/QH14`), not a type code.
NORMATIVE_NAMES = {
    "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch", "QH": "Luật",
    "VBHN": "Văn bản hợp nhất", "PL": "Pháp lệnh",
}
# The types whose number carries the year of issue (`07/2021/TT-BLĐTBXH`).
YEAR_IN_NUMBER = frozenset(("NĐ", "TT", "TTLT", "QH"))
# Type codes that may open a symbol (`QĐ-TTg`); `QH14` is read apart.
SYMBOL_TYPE_CODES = frozenset(TYPE_NAMES) | (frozenset(NORMATIVE_NAMES) - {"QH"})

# Each kind word a citation may use → the type code its symbol should carry (None: a Công văn's
# symbol has none). The first word of a code is the one a message names it by.
KIND_CODES: dict[str, str | None] = {
    **{name: code for code, name in NORMATIVE_NAMES.items()},
    **{name: code for code, name in TYPE_NAMES.items()},
    "Bộ luật": "QH", "Công văn": None, "Văn bản": None,
}
