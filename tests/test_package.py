"""The .docx package: the template's unchanged parts compressed once and copied into every document."""

import zipfile
from pathlib import Path

from click.testing import CliRunner

from audit import assert_opens_in_word
from conftest import MINIMAL_PLAN
from kehoach.cli import main

ROOT = Path(__file__).parent.parent


def raw_members(path: Path) -> dict[str, bytes]:
    """Each member's compressed bytes as stored (local header skipped)."""
    data = path.read_bytes()
    found = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            header = info.header_offset
            name_length = int.from_bytes(data[header + 26:header + 28], "little")
            extra_length = int.from_bytes(data[header + 28:header + 30], "little")
            start = header + 30 + name_length + extra_length
            found[info.filename] = data[start:start + info.compress_size]
    return found


def test_each_document_holds_the_templates_parts_once_and_its_own_last(specs, tmp_path):
    a = specs.write("a.yaml", MINIMAL_PLAN)
    b = specs.write("b.yaml", MINIMAL_PLAN.replace("Thị trấn Hữu Lũng", "Xã Hòa Thắng"))
    assert CliRunner().invoke(main, ["render", a, b, "-o", str(tmp_path / "out")]).exit_code == 0
    first, second = raw_members(tmp_path / "out" / "a.docx"), raw_members(tmp_path / "out" / "b.docx")
    assert first["word/styles.xml"] == second["word/styles.xml"]
    assert first["word/document.xml"] != second["word/document.xml"]
    with zipfile.ZipFile(tmp_path / "out" / "a.docx") as z:
        names = z.namelist()
        assert names[0] == "[Content_Types].xml" and names[-3:] == ["docProps/core.xml", "word/document.xml", "word/footnotes.xml"]
        assert len(names) == len(set(names))
        assert z.read("[Content_Types].xml").count(b"/word/footnotes.xml") == 1
        assert b"<dc:creator>" in z.read("docProps/core.xml") and z.testzip() is None
    assert_opens_in_word(tmp_path / "out" / "a.docx")


def test_a_template_without_its_content_types_is_a_template_error(specs, tmp_path):
    broken = tmp_path / "mau.docx"
    with zipfile.ZipFile(ROOT / "kehoach" / "data" / "kehoach.docx") as source, zipfile.ZipFile(broken, "w") as z:
        for info in source.infolist():
            if info.filename != "[Content_Types].xml":
                z.writestr(info, source.read(info))
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(broken),
                                       "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "thiếu phần [Content_Types].xml" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_a_template_that_unpacks_to_gigabytes_is_refused(specs, tmp_path):
    bomb = tmp_path / "mau.docx"
    with zipfile.ZipFile(ROOT / "kehoach" / "data" / "kehoach.docx") as source, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, source.read(info))
        with z.open("word/media/big.bin", "w", force_zip64=True) as big:
            chunk = bytes(1 << 20)
            for _ in range(300):
                big.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(bomb),
                                       "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "giải nén" in result.output
    assert not (tmp_path / "x.docx").exists()
