"""The .docx package: the template's unchanged parts compressed once and copied into every document."""

import subprocess
import sys
import zipfile
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from audit import assert_opens_in_word
from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
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


@contextmanager
def _copy_of_the_template(path):
    """kehoach's template copied part by part into a new zip, left open for more parts."""
    with zipfile.ZipFile(ROOT / "kehoach" / "data" / "kehoach.docx") as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, source.read(info))
        yield z


def test_a_template_that_unpacks_to_gigabytes_is_refused(specs, tmp_path):
    bomb = tmp_path / "mau.docx"
    with _copy_of_the_template(bomb) as z:
        with z.open("word/media/big.bin", "w", force_zip64=True) as big:
            chunk = bytes(1 << 20)
            for _ in range(300):
                big.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(bomb),
                                       "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "giải nén" in result.output
    assert not (tmp_path / "x.docx").exists()


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        return {info.filename: z.read(info) for info in z.infolist()}


def test_a_part_written_out_before_its_sizes_are_known_gets_its_header_in_the_file(specs, tmp_path, monkeypatch):
    from docx import Document

    from kehoach.render import package

    rows = "".join(f"  - {{date: 2021-11-{8 + n % 5:02d}, place: Xã Sa Loong {n}, members: [Ông Nguyễn Văn {n}]}}\n" for n in range(300))
    spec = specs.write("lich.yaml", MINIMAL_SCHEDULE + rows)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert CliRunner().invoke(main, ["render", spec, "-o", str(tmp_path / "kept.docx")]).exit_code == 0
    monkeypatch.setattr(package, "_WRITE_PAST", 1)  # each piece goes out as soon as it is compressed
    filled_in_file = []
    real_fill = package._ZipWriter._fill

    def fill(writer, offset, header):
        filled_in_file.append(offset < writer.written)
        real_fill(writer, offset, header)

    monkeypatch.setattr(package._ZipWriter, "_fill", fill)
    assert CliRunner().invoke(main, ["render", spec, "-o", str(tmp_path / "streamed.docx")]).exit_code == 0
    assert filled_in_file == [True, True, True]
    streamed = tmp_path / "streamed.docx"
    assert parts_of(streamed) == parts_of(tmp_path / "kept.docx")
    assert subprocess.run([sys.executable, "-m", "zipfile", "-t", str(streamed)], capture_output=True).returncode == 0
    assert len(Document(str(streamed)).tables[0].rows) == 301
    assert_opens_in_word(streamed)


def test_a_document_too_large_for_a_zip_without_zip64_is_refused_and_not_written(specs, tmp_path, monkeypatch):
    from kehoach.render import package

    monkeypatch.setattr(package, "_LIMIT", 20_000)  # stands for 4 GiB
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "quá lớn" in result.output
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".kehoach-*")) == []


def test_a_templates_part_named_in_vietnamese_keeps_its_name(specs, tmp_path):
    template = tmp_path / "mau.docx"
    with _copy_of_the_template(template) as z:
        z.writestr("customXml/ghi chú ảnh.xml", "<ghi/>")
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(template),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert parts_of(out)["customXml/ghi chú ảnh.xml"] == b"<ghi/>"
    with zipfile.ZipFile(out) as z:
        assert z.getinfo("customXml/ghi chú ảnh.xml").flag_bits & 0x800  # the name is UTF-8


def test_the_time_of_the_zip_entries_stays_within_what_a_zip_can_hold():
    import time

    from kehoach.render.package import _dos_time

    for year, kept in ((1970, 1980), (2026, 2026), (2200, 2107)):
        clock, day = _dos_time(time.struct_time((year, 11, 29, 21, 40, 58, 0, 333, 0)))
        assert ((day >> 9) + 1980, (day >> 5) & 15, day & 31) == (kept, 11, 29)
        assert (clock >> 11, (clock >> 5) & 63, (clock & 31) * 2) == (21, 40, 58)
