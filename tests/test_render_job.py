"""`kehoach render` writes all of its documents or none, never over one of its inputs, and says why."""

import errno
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from click.testing import CliRunner

from audit import assert_opens_in_word
from conftest import MINIMAL_PLAN, MINIMAL_SCHEDULE
from kehoach.cli import main

ROOT = Path(__file__).parent.parent
PLAN_WITH_SCHEDULE = MINIMAL_PLAN.replace("date: 2023-09-25", "date: 2021-11-01") + """\
window: {from: 2021-11-08, to: 2021-11-15}
appendices:
  - schedule: lich.yaml
"""
SCHEDULE = MINIMAL_SCHEDULE + "  - {date: 2021-11-08, place: Xã Đăk Ang, members: [pho_truong_ban, nn]}\n"


def render(*args: str):
    return CliRunner().invoke(main, ["render", *args])


def everything_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_an_output_that_is_the_spec_itself_is_refused(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    result = render(plan, "-o", plan)
    assert result.exit_code == 2
    assert "chính là tệp nguồn" in result.output and "chưa ghi gì" in result.output
    assert Path(plan).read_text(encoding="utf-8") == MINIMAL_PLAN
    assert everything_in(tmp_path) == ["plan.yaml"]


def test_an_output_that_is_an_included_schedule_is_refused(specs, tmp_path):
    plan = specs.write("plan.yaml", PLAN_WITH_SCHEDULE)
    schedule = specs.write("lich.yaml", SCHEDULE)
    assert render(plan, "-o", str(tmp_path / "ok.docx")).exit_code == 0  # the pair renders
    assert_opens_in_word(tmp_path / "ok.docx")
    result = render(plan, "-o", schedule)
    assert result.exit_code == 2 and "chính là lịch kèm theo" in result.output
    assert Path(schedule).read_text(encoding="utf-8") == SCHEDULE


def test_an_output_that_is_the_template_is_refused(specs, tmp_path):
    template = tmp_path / "mau.docx"
    template.write_bytes((ROOT / "kehoach" / "data" / "kehoach.docx").read_bytes())
    before = template.read_bytes()
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "--template", str(template), "-o", str(template))
    assert result.exit_code == 2 and "chính là mẫu" in result.output
    assert template.read_bytes() == before


def test_another_spelling_of_an_input_is_still_that_input(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    os.link(plan, tmp_path / "same.docx")
    result = render(plan, "-o", str(tmp_path / "sub" / ".." / "same.docx"))
    assert result.exit_code == 2 and "chính là tệp nguồn" in result.output
    assert Path(plan).read_text(encoding="utf-8") == MINIMAL_PLAN


def test_two_specs_with_one_output_name_are_refused_before_writing_anything(specs, tmp_path):
    a = specs.write("a/x.yaml", MINIMAL_PLAN)
    b = specs.write("b/x.yaml", MINIMAL_PLAN)
    result = render(a, b, "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert a in result.output and b in result.output and "dựng riêng từng tệp" in result.output
    assert not (tmp_path / "out").exists()


def test_a_pdf_on_the_documents_own_path_is_refused(specs, tmp_path, monkeypatch):
    monkeypatch.setattr("kehoach.render.pdf.soffice", lambda: "soffice")  # never reached
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    result = render(plan, "-o", str(tmp_path / "x.pdf"), "--pdf")
    assert result.exit_code == 2 and "cùng một tệp" in result.output
    assert everything_in(tmp_path) == ["plan.yaml"]


def test_an_error_in_the_last_spec_writes_none_of_them(specs, tmp_path):
    good = specs.write("a.yaml", MINIMAL_PLAN)
    bad = specs.write("b.yaml", MINIMAL_PLAN.replace("archive: VT, VH-XH\n", ""))
    result = render(good, bad, "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "Chưa ghi văn bản nào" in result.output
    assert everything_in(tmp_path) == ["a.yaml", "b.yaml"]


def test_a_batch_is_written_whole(specs, tmp_path):
    files = [specs.write(f"p{n}.yaml", MINIMAL_PLAN) for n in range(3)]
    assert render(*files, "-o", str(tmp_path / "out")).exit_code == 0
    assert everything_in(tmp_path / "out") == ["p0.docx", "p1.docx", "p2.docx"]
    assert_opens_in_word(tmp_path / "out" / "p2.docx")


def test_a_file_where_the_output_folder_should_be_is_the_users_to_fix(specs, tmp_path):
    (tmp_path / "afile").write_text("không phải thư mục", encoding="utf-8")
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(tmp_path / "afile" / "x.docx"))
    assert result.exit_code == 2 and "là tệp, không phải thư mục" in result.output
    assert "lỗi nội bộ" not in result.output


def test_a_folder_where_the_document_should_go_is_the_users_to_fix(specs, tmp_path):
    (tmp_path / "out" / "plan.docx").mkdir(parents=True)
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "đó là một thư mục" in result.output
    assert everything_in(tmp_path / "out") == ["plan.docx"]


def test_a_read_only_folder_is_the_users_to_fix(specs, tmp_path, monkeypatch):
    from kehoach import fileio

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(fileio.os, "access", lambda path, mode: path != str(locked) and real_access(path, mode))
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(locked / "x.docx"))
    assert result.exit_code == 2 and "không có quyền ghi vào thư mục" in result.output
    assert list(locked.iterdir()) == []


def test_a_full_disk_is_the_users_to_fix_and_leaves_nothing(specs, tmp_path, monkeypatch):
    files = [specs.write(f"p{n}.yaml", MINIMAL_PLAN) for n in range(3)]
    opened = []
    real_fdopen = os.fdopen

    class FullDisk:
        """The second document's file, on a disk that fills up as it is written."""

        def __init__(self, file):
            self.file = file

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name):
            return getattr(self.file, name)

    def fills_the_disk(fd, *args, **kwargs):
        opened.append(real_fdopen(fd, *args, **kwargs))
        return FullDisk(opened[-1]) if len(opened) == 2 else opened[-1]

    monkeypatch.setattr(os, "fdopen", fills_the_disk)
    result = render(*files, "-o", str(tmp_path / "out"))
    assert len(opened) == 2
    assert result.exit_code == 2 and "ổ đĩa đã đầy" in result.output
    assert not (tmp_path / "out").exists()


def test_running_out_of_memory_is_said_plainly(specs, tmp_path, monkeypatch):
    from kehoach.render import document

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(document, "render_plan", exhausted)
    result = render(specs.write("plan.yaml", MINIMAL_PLAN), "-o", str(tmp_path / "out" / "x.docx"))
    assert result.exit_code == 2 and "không đủ bộ nhớ" in result.output
    assert everything_in(tmp_path) == ["plan.yaml"]


def _interrupted(tmp_path: Path, number: int) -> tuple[int, list[str]]:
    """Start a render of many plans, send `number` once the first document is staged, and return
    the exit code and what is left in the output folder."""
    plans = tmp_path / "plans"
    plans.mkdir()
    files = []
    for n in range(200):
        path = plans / f"p{n}.yaml"
        path.write_text(MINIMAL_PLAN, encoding="utf-8")
        files.append(str(path))
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "render", *files, "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not (out.exists() and any(out.iterdir())):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(number)
    process.communicate(timeout=60)
    return process.returncode, everything_in(tmp_path / "out") if out.exists() else []


def test_sigterm_while_rendering_removes_the_staged_files(tmp_path):
    code, left = _interrupted(tmp_path, signal.SIGTERM)
    assert code == 128 + signal.SIGTERM and left == []


def test_ctrl_c_while_rendering_removes_the_staged_files(tmp_path):
    code, left = _interrupted(tmp_path, signal.SIGINT)
    assert code != 0 and left == []


def test_a_plan_made_incomplete_by_an_ignored_error_is_not_rendered(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN + "appendices:\n  - schedule: khong-co.yaml\n")
    result = render(plan, "--ignore", "KH-S011", "-o", str(tmp_path / "x.docx"))
    assert result.exit_code == 1 and "KH-S011" in result.output and "lỗi nội bộ" not in result.output
    assert "Chưa ghi văn bản nào" in result.output and not (tmp_path / "x.docx").exists()


def test_a_schedule_shared_by_two_plans_is_reported_once(specs, tmp_path):
    specs.write("lich.yaml", SCHEDULE.replace("[pho_truong_ban, nn]", "[pho_truong_bn]"))
    a = specs.write("a.yaml", PLAN_WITH_SCHEDULE)
    b = specs.write("b.yaml", PLAN_WITH_SCHEDULE)
    result = render(a, b, "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and result.output.count("KH-L007") == 1


def test_a_plan_and_a_schedule_in_one_call_both_open_in_word(specs, tmp_path):
    plan = specs.write("plan.yaml", PLAN_WITH_SCHEDULE)
    schedule = specs.write("lich.yaml", SCHEDULE)
    assert render(plan, schedule, "-o", str(tmp_path / "out")).exit_code == 0
    assert everything_in(tmp_path / "out") == ["lich.docx", "plan.docx"]
    for name in ("lich.docx", "plan.docx"):
        assert_opens_in_word(tmp_path / "out" / name)


def _saved_by_libreoffice(path: Path) -> None:
    """The document as LibreOffice (or Word) leaves it after the clerk edits and saves it."""
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(b"<Application>kehoach", b"<Application>LibreOffice/7.4 kehoach")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_rendering_again_replaces_kehoachs_own_document(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    out = tmp_path / "ke-hoach.docx"
    assert render(plan, "-o", str(out)).exit_code == 0
    assert render(plan, "-o", str(out)).exit_code == 0


def test_kehoachs_document_is_told_by_its_zip_comment_and_an_older_one_by_its_properties(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    out = tmp_path / "ke-hoach.docx"
    assert render(plan, "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as z:
        assert z.comment == b"kehoach"
        parts = {name: z.read(name) for name in z.namelist()}
    with zipfile.ZipFile(out, "w") as z:  # as kehoach wrote it before it marked its documents
        for name, data in parts.items():
            z.writestr(name, data)
    assert render(plan, "-o", str(out)).exit_code == 0
    with zipfile.ZipFile(out) as z:
        assert z.comment == b"kehoach"


def test_the_mark_is_read_from_the_files_last_bytes(specs, tmp_path):
    from kehoach.render.package import marked

    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    ours, other, short = tmp_path / "ours.docx", tmp_path / "other.docx", tmp_path / "short.docx"
    assert render(plan, "-o", str(ours)).exit_code == 0
    with zipfile.ZipFile(ours) as z, zipfile.ZipFile(other, "w") as copy:
        for name in z.namelist():
            copy.writestr(name, z.read(name))
        copy.comment = b"kehoach?"
    short.write_bytes(b"PK")
    assert [marked(str(p)) for p in (ours, other, short, tmp_path / "missing.docx")] == [True, False, False, False]


def test_a_document_edited_in_word_is_not_overwritten_without_force(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    out = tmp_path / "ke-hoach.docx"
    assert render(plan, "-o", str(out)).exit_code == 0
    _saved_by_libreoffice(out)
    edited = out.read_bytes()
    result = render(plan, "-o", str(out))
    assert result.exit_code == 2
    assert "đã được sửa trong Word hoặc LibreOffice" in result.output and "--force" in result.output
    assert out.read_bytes() == edited
    assert render(plan, "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes() != edited


def test_a_file_that_is_not_a_document_is_not_overwritten_without_force(specs, tmp_path):
    plan = specs.write("plan.yaml", MINIMAL_PLAN)
    notes = tmp_path / "ghi-chu.docx"
    notes.write_text("ghi chú quan trọng", encoding="utf-8")
    assert render(plan, "-o", str(notes)).exit_code == 2
    assert notes.read_text(encoding="utf-8") == "ghi chú quan trọng"
