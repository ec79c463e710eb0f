"""A user's Word template that kehoach cannot fill is a clear Vietnamese error (exit 2), never an
internal error, a hang, or a document that silently lacks the plan."""

import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import assert_opens_in_word
from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
from kehoach.cli import main

DEFAULT = Path(__file__).parent.parent / "templates" / "docx" / "kehoach.docx"


def template(tmp_path, *, document=None, drop=(), name="mau.docx") -> Path:
    """The default template with its document.xml rewritten by `document(text) -> bytes` and members dropped."""
    target = tmp_path / name
    with zipfile.ZipFile(DEFAULT) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            if info.filename in drop:
                continue
            data = z.read(info)
            if info.filename == "word/document.xml" and document is not None:
                data = document(data.decode("utf-8"))
            out.writestr(info, data)
    return target


def render(specs, tmp_path, mau, spec=MINIMAL_PLAN):
    out = tmp_path / "x.docx"
    result = CliRunner().invoke(main, ["render", specs.write("plan.yaml", spec), "--template", str(mau), "-o", str(out)])
    return result, out


def without_placeholders(xml: str) -> bytes:
    for name in ("{{p noi_dung }}", "{{p phu_luc }}", "{{p noi_nhan }}", "{{p nguoi_ky }}", "{{p co_quan }}"):
        xml = xml.replace(name, "")
    return xml.replace("{{ so }}", "").replace("{{ dia_danh_ngay }}", "").replace("{{ ten_loai }}", "").replace(
        "{{ trich_yeu }}", ""
    ).encode("utf-8")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"document": without_placeholders}, "không có chỗ điền {{p noi_dung }}"),
        ({"document": lambda xml: xml.replace("{{ so }}", "{{ bogus }}").encode()}, "chỗ điền không biết: {{ bogus }}"),
        ({"document": lambda xml: xml.replace("{{ so }}", "{% if %}").encode()}, "viết sai"),
        ({"document": lambda xml: xml.encode("utf-16")}, "không viết bằng UTF-8"),
        ({"drop": ("[Content_Types].xml",)}, "thiếu phần [Content_Types].xml"),
        ({"drop": ("word/_rels/document.xml.rels",)}, "thiếu phần word/_rels/document.xml.rels"),
        ({"drop": ("word/document.xml",)}, "thiếu phần word/document.xml"),
    ],
    ids=["no-placeholders", "unknown-placeholder", "broken-tag", "utf-16", "no-content-types", "no-rels", "no-document"],
)
def test_an_unusable_template_is_a_template_error(specs, tmp_path, change, message):
    result, out = render(specs, tmp_path, template(tmp_path, **change))
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output and "nội bộ" not in result.output
    assert not out.exists()


def test_a_template_zip_bomb_is_refused_before_inflating(specs, tmp_path):
    bomb = tmp_path / "bom.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(260):  # 260 MB of zeros: a few hundred kilobytes on disk
                member.write(chunk)
    assert bomb.stat().st_size < 2_000_000
    result, out = render(specs, tmp_path, bomb)
    assert result.exit_code == 2 and "giải nén" in result.output and not out.exists()


@pytest.mark.parametrize("where", ["<w:body>", "</w:body>"])
def test_many_section_breaks_in_a_template_cost_linear_time(specs, tmp_path, where):
    """64k `<w:sectPr >` once cost 37 s in a regular expression. Left unclosed, the document is
    broken XML: a template error at once."""
    many = template(tmp_path, document=lambda xml: xml.replace(where, "<w:sectPr >" * 65536 + where).encode())
    schedule = MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã A, members: [nn]}\n"
    started = time.monotonic()
    result, out = render(specs, tmp_path, many, schedule)
    assert time.monotonic() - started < 10  # a hang guard, not a benchmark (bench/ measures speed)
    assert result.exit_code == 2 and "word/document.xml hỏng" in result.output, result.output


def test_a_schedule_keeps_the_templates_page_setup_whatever_precedes_it(specs, tmp_path):
    inner = '<w:p><w:pPr><w:sectPr><w:pgSz w:w="100" w:h="100"/></w:sectPr></w:pPr></w:p>'
    mau = template(tmp_path, document=lambda xml: xml.replace("<w:body>", "<w:body>" + inner * 1000).encode())
    schedule = MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã A, members: [nn]}\n"
    result, out = render(specs, tmp_path, mau, schedule)
    assert result.exit_code == 0, result.output
    assert_opens_in_word(out)
    with zipfile.ZipFile(out) as z:
        assert z.read("word/document.xml").decode().count("<w:pgSz w:w=\"11906\"") == 1


def test_a_users_template_renders_and_opens_clean(specs, tmp_path):
    result, out = render(specs, tmp_path, template(tmp_path, document=lambda xml: xml.replace("Số: ", "Số hiệu: ").encode()))
    assert result.exit_code == 0, result.output
    assert_opens_in_word(out)


def test_the_skeleton_cache_is_keyed_on_docxtpl_version(monkeypatch, tmp_path):
    from kehoach.render import skeleton

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls = []
    monkeypatch.setattr(skeleton, "patch", lambda xml: calls.append(xml) or xml)
    for version in ("0.20.2", "0.20.2", "0.21.0"):
        monkeypatch.setattr(skeleton, "_patcher_version", lambda v=version: v)
        skeleton.cached.cache_clear()
        skeleton.cached("<w:document/>")
    assert len(calls) == 2  # patched once per docxtpl version, the second call read the cache
    assert len(list((tmp_path / "kehoach" / "skeletons").iterdir())) == 2
