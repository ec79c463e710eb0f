"""The `kehoach` command line. Thin: each command calls one function and prints its diagnostics."""

from __future__ import annotations

import codecs
import errno
import functools
import gc
import os
import sys
import unicodedata

import click

from kehoach import cli_vietnamese
from kehoach import diagnostics as diag
from kehoach.errors import UserError

cli_vietnamese.install()

FORMATS = click.Choice(["text", "json"])


def _print_diagnostics(found: list[diag.Diagnostic], fmt: str, files: int) -> None:
    if fmt == "json":
        click.echo(diag.to_json(found))
        return
    for d in found:
        click.echo(d.as_text())
    click.echo(f"Đã kiểm tra {files} tệp: {diag.summary(found)}.", err=True)


def guarded(command):
    """Give a command `--debug`; turn what the user can fix (a `UserError`, a folder that cannot be
    written, a full disk) into a Vietnamese sentence and exit 2, and an internal bug into a short
    message and exit 2. With `--debug` the traceback shows."""

    @click.option("--debug", is_flag=True, help="hiện chi tiết khi kehoach gặp lỗi nội bộ")
    @functools.wraps(command)
    def run(*args, debug: bool, **kwargs):
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:
            # The reader went away (`kehoach check x.yaml | head -1`): stop printing, but keep the
            # exit code the diagnostics decided, so a pipeline still sees the errors.
            _quiet_streams()
            sys.exit(click.get_current_context().meta.get(_EXIT_CODE, 0))
        except UserError as problem:
            _fail(str(problem), problem.exit_code)
        except OSError as error:
            if debug:
                raise
            _fail(_os_situation(error))
        except MemoryError:
            _fail("không đủ bộ nhớ để xử lý tệp này: tách tệp thành các tệp nhỏ hơn rồi chạy lại.")
        except Exception:
            if debug:
                raise
            _fail(
                "kehoach gặp lỗi nội bộ (không phải lỗi trong tệp của bạn). "
                "Chạy lại với --debug và gửi phần hiện ra cho người bảo trì."
            )

    return run


_EXIT_CODE = "kehoach.exit_code"


def _will_exit_with(code: int) -> None:
    """Remember the exit code before printing, for when the reader of the output goes away."""
    click.get_current_context().meta[_EXIT_CODE] = code


def _fail(message: str, code: int = 2) -> None:
    try:
        click.echo(f"kehoach: {message}", err=True)
    except OSError:
        pass
    sys.exit(code)


def _quiet_streams() -> None:
    # Output still buffered for the closed pipe would raise again at exit.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.close()
        except OSError:
            pass
        # Python flushes sys.stdout at exit; point it at nothing so that finds nothing to write.
    sys.stdout = sys.stderr = open(os.devnull, "w")


def _os_situation(error: OSError) -> str:
    """What a user can do about a failed read or write: the situation, not a bug."""
    where = f"`{error.filename}`" if error.filename else "kết quả"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"không có quyền ghi hoặc đọc {where}: chọn thư mục khác (-o) hoặc xin quyền ghi vào thư mục đó."
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"đĩa đã đầy khi ghi {where}: giải phóng chỗ trống hoặc ghi ra ổ đĩa khác (-o), rồi chạy lại."
    if error.errno == errno.ENOTDIR or (error.errno == errno.EEXIST and os.path.isfile(error.filename or "")):
        return f"một phần của đường dẫn {where} là tệp, không phải thư mục: sửa lại đường dẫn (-o)."
    if error.errno == errno.ENOENT:
        return f"không có {where}: kiểm tra lại đường dẫn."
    if error.errno == errno.EISDIR:
        return f"{where} là một thư mục: nêu tên tệp."
    return f"không đọc/ghi được {where} ({error.strerror}): kiểm tra đường dẫn và quyền truy cập."


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _vietnamese_fallback(encoding: str):
    """An encoding error handler for output in `encoding` when it lacks precomposed Vietnamese
    letters (cp1258, what Vietnamese Windows uses when output is redirected): such encodings have the
    letters with their vowel marks (â, ơ, ư, đ ...) and the five tone marks as combining characters,
    so each letter is written that way, and `?` stands for what the encoding cannot hold at all."""

    def handler(error: UnicodeEncodeError):
        out = []
        for ch in error.object[error.start:error.end]:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in _TONE_MARKS)
            letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            try:
                (letter + tones).encode(encoding)
                out.append(letter + tones)
            except UnicodeEncodeError:
                out.append("?")
        return "".join(out), error.end

    return handler


def _prepare_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding and hasattr(stream, "reconfigure") and codecs.lookup(encoding).name != "utf-8":
            name = f"kehoach-vietnamese-{codecs.lookup(encoding).name}"
            codecs.register_error(name, _vietnamese_fallback(encoding))
            stream.reconfigure(errors=name)


def run() -> None:
    """The console entry point."""
    _prepare_streams()
    # A command is one short process whose objects (the YAML tree above all) live to its end and
    # hold no cycles that matter: pausing the cyclic collector, which would otherwise traverse them
    # again and again, halves the time on large schedules. Only here, in a process of our own: a
    # program that imports kehoach keeps its collector.
    gc.disable()
    try:
        main()
    except SystemExit as done:
        if _only_read and (done.code is None or isinstance(done.code, int)):
            _end_now(done.code or 0)
        raise


# Set by the commands that write nothing but their output (check, refs, rules).
_only_read = False


def _reads_only() -> None:
    global _only_read
    _only_read = True


def _end_now(code: int) -> None:
    """End the process without Python's teardown, which frees every module's objects one by one
    (~10 ms, a tenth of checking a small plan), once a command that only reads has its output out.
    Nothing else is left to finish: it wrote no file and holds none open. Where the output cannot be
    flushed, Python's own exit reports it, as it always has."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


@click.group("kehoach", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kehoach")
def main() -> None:
    """Kiểm tra và dựng văn bản Kế hoạch (Nghị định 30/2020/NĐ-CP) từ tệp YAML, Word hoặc Excel."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=FORMATS, default="text", help="text (mặc định) hoặc json")
@click.option("--ignore", "ignore", multiple=True, metavar="CODE", help="bỏ qua một quy tắc (có thể lặp lại)")
@guarded
def check(files: tuple[str, ...], fmt: str, ignore: tuple[str, ...]) -> None:
    """Kiểm tra kế hoạch và lịch: cấu trúc, ngày tháng, văn bản trích dẫn."""
    _reads_only()
    found: list[diag.Diagnostic] = []
    for path in files:
        found += _check_any(path, ignore)
    found = diag.ordered(found)
    _will_exit_with(diag.exit_code(found))
    _print_diagnostics(found, fmt, len(files))
    sys.exit(diag.exit_code(found))


@main.command()
@guarded
def rules() -> None:
    """Liệt kê các quy tắc kiểm tra: mã, mức độ, nội dung."""
    _reads_only()
    from kehoach.check import every_rule

    for rule in sorted(every_rule().values(), key=lambda r: r.code):
        click.echo(f"{rule.code}  {rule.severity.value:<7}  {rule.summary}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(), help="tệp .docx ra; với nhiều tệp: thư mục")
@click.option("--pdf", is_flag=True, help="xuất thêm PDF bằng LibreOffice")
@click.option("--template", type=click.Path(exists=True, dir_okay=False), help="mẫu .docx khác mẫu mặc định")
@click.option("--ignore", "ignore", multiple=True, metavar="CODE", help="bỏ qua một quy tắc (có thể lặp lại)")
@click.option("--force", is_flag=True, help="ghi đè cả văn bản đã được sửa trong Word")
@guarded
def render(files: tuple[str, ...], out: str | None, pdf: bool, template: str | None, ignore: tuple[str, ...], force: bool) -> None:
    """Kiểm tra rồi dựng văn bản Word (và PDF) từ kế hoạch hoặc lịch."""
    from kehoach.render.job import render_files

    result = render_files(list(files), out, pdf=pdf, template=template, ignore=ignore, force=force)
    for d in result.diagnostics:
        click.echo(d.as_text())
    if result.blocked:
        click.echo("Chưa ghi văn bản nào: sửa các lỗi (error) ở trên rồi chạy lại.", err=True)
    for path in result.written:
        click.echo(f"Đã ghi {path}", err=True)
    sys.exit(diag.exit_code(result.diagnostics))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=FORMATS, default="text", help="text (mặc định) hoặc json")
@guarded
def refs(files: tuple[str, ...], fmt: str) -> None:
    """Liệt kê văn bản được trích dẫn trong kế hoạch (.yaml), tệp văn bản (.txt) hoặc tệp Word (.docx)."""
    _reads_only()
    from kehoach.refs.sources import references_in
    from kehoach.vnformat import ngay

    found, problems = [], []
    for path in files:
        located, diagnostics = references_in(path)
        found += located
        problems += diagnostics
    if fmt == "json":
        import json

        click.echo(json.dumps([item.as_json() for item in found], ensure_ascii=False, indent=2))
    else:
        for item in found:
            r = item.reference
            date = ngay(r.date) if r.date else "—"
            click.echo(f"{item.pos}\t{r.kind or '—'}\t{r.number or '—'}\t{date}\t{r.issuer or '—'}")
    for d in problems:
        click.echo(d.as_text(), err=True)
    sys.exit(diag.exit_code(problems))


@main.command()
@click.option("--from", "old", required=True, type=click.Path(), help="kế hoạch năm trước (.yaml hoặc .docx)")
@click.option("--year", required=True, type=click.IntRange(1945, 2100), metavar="NĂM", help="năm của kế hoạch mới")
@click.option("-o", "--output", "out", type=click.Path(), help="tệp mới (mặc định: tên cũ với năm mới)")
@click.option("--force", is_flag=True, help="ghi đè tệp mới nếu đã có")
@guarded
def new(old: str, year: int, out: str | None, force: bool) -> None:
    """Dựng kế hoạch năm mới (bản dự thảo) từ kế hoạch năm trước: lịch dời theo tuần (giữ thứ), thời gian thực hiện giữ ngày, tháng."""
    if old.lower().endswith(".docx"):
        from kehoach.importer.run import roll_word  # the Word importer only for a Word file: it is heavy

        rolled = roll_word(old, year, out, force)
    else:
        from kehoach.yearly import roll_forward

        rolled = roll_forward(old, year, out, force)
    weeks = rolled.shift_days // 7
    click.echo(
        f"Đã dời các ngày trong lịch {rolled.shift_days:+d} ngày ({weeks:+d} tuần): thứ trong tuần giữ nguyên; "
        "thời gian thực hiện và các giai đoạn giữ ngày, tháng.",
        err=True,
    )
    for path in rolled.written:
        click.echo(f"Đã ghi {path}", err=True)
    click.echo("Bản dự thảo: chưa có số và ngày ký (`number`, `date`).", err=True)
    for title, items in rolled.checklist():
        click.echo(title)
        for item in items:
            click.echo(str(item))
    for d in rolled.diagnostics:
        click.echo(d.as_text())


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--year", type=click.IntRange(1945, 2100), metavar="NĂM", help="năm của kế hoạch mẫu (mặc định: năm nay)")
@click.option("--force", is_flag=True, help="ghi đè kế hoạch mẫu nếu đã có")
@guarded
def init(folder: str, year: int | None, force: bool) -> None:
    """Tạo thư mục plans/ và schedules/ với kế hoạch và lịch mẫu có chú thích từng khóa."""
    from kehoach.starter import create

    written = create(folder, year, force)
    for path in written:
        click.echo(f"Đã ghi {path}", err=True)
    click.echo(f"Tiếp theo: kehoach check {written[0]} && kehoach render {written[0]}", err=True)


def _check_any(path: str, ignore: tuple[str, ...]) -> list[diag.Diagnostic]:
    """A Word or Excel file is imported in memory and checked; anything else is a spec."""
    lower = path.lower()
    if lower.endswith(".docx"):
        from kehoach.importer.check import check_word

        return check_word(path, ignore)
    if lower.endswith(".xlsx"):
        from kehoach.importer.check import check_workbook

        return check_workbook(path, ignore)
    from kehoach.check import check_file

    return check_file(path, ignore).diagnostics


@main.command("import")
@click.argument("source", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(), help="tệp .yaml ra (mặc định: tên tệp vào, đuôi .yaml)")
@click.option("--force", is_flag=True, help="ghi đè tệp ra nếu đã có")
@guarded
def import_(source: str, out: str | None, force: bool) -> None:
    """Nhập kế hoạch Word (.docx) hoặc lịch Excel (.xlsx) thành tệp kế hoạch/lịch .yaml."""
    from kehoach.importer.run import import_file

    written = import_file(source, out, force)
    for path in written.paths:
        click.echo(f"Đã ghi {path}", err=True)
    if written.notes:
        click.echo("Cần xem lại (chưa chắc chắn khi nhập):")
        for note in written.notes:
            click.echo(f"{source}:{note}")
    click.echo(f"Tiếp theo: kehoach check {written.paths[0]}", err=True)


@main.command()
@click.argument("file", type=click.Path())
@click.option("--svg", "svg_out", type=click.Path(), help="ghi lịch thành ảnh SVG")
@click.option("--png", "png_out", type=click.Path(), help="ghi lịch thành ảnh PNG")
@click.option("--force", is_flag=True, help="ghi đè ảnh nếu đã có")
@click.option("--ignore", "ignore", multiple=True, metavar="CODE", help="bỏ qua một quy tắc (có thể lặp lại)")
@guarded
def lich(file: str, svg_out: str | None, png_out: str | None, force: bool, ignore: tuple[str, ...]) -> None:
    """Xem lịch kiểm tra dạng lịch tháng: ngày lễ, cuối tuần, ngày kiểm tra, trùng lịch."""
    import os

    from kehoach.calendar import show

    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    shown = show(file, svg_out=svg_out, png_out=png_out, colour=colour, force=force, ignore=ignore)
    click.echo(shown.text, nl=False, color=colour)
    for d in shown.diagnostics:
        click.echo(d.as_text(), err=True)
    for path in shown.written:
        click.echo(f"Đã ghi {path}", err=True)
    sys.exit(diag.exit_code(shown.diagnostics))


@main.command()
@click.argument("file", type=click.Path())
@click.option("-o", "--output", "out", type=click.Path(), help="tệp .ics ra (mặc định: tên tệp vào với đuôi .ics)")
@click.option("--sang", default="7:30-11:30", show_default=True, metavar="GIỜ-GIỜ", help="giờ làm việc buổi sáng")
@click.option("--chieu", default="13:30-17:00", show_default=True, metavar="GIỜ-GIỜ", help="giờ làm việc buổi chiều")
@click.option("--force", is_flag=True, help="ghi đè tệp .ics nếu đã có")
@click.option("--ignore", "ignore", multiple=True, metavar="CODE", help="bỏ qua một quy tắc (có thể lặp lại)")
@guarded
def ics(file: str, out: str | None, sang: str, chieu: str, force: bool, ignore: tuple[str, ...]) -> None:
    """Xuất lịch kiểm tra thành tệp iCalendar (.ics) cho điện thoại, Outlook, Google Calendar."""
    from kehoach import ics as ical

    hours = ical.OfficeHours(ical.parse_span(sang), ical.parse_span(chieu))
    exported = ical.export(file, out, hours, force, ignore)
    for d in exported.diagnostics:
        click.echo(d.as_text())
    if exported.written:
        click.echo(f"Đã ghi {exported.written} ({exported.events} buổi kiểm tra)", err=True)
    elif diag.exit_code(exported.diagnostics) == 1:
        click.echo("Chưa ghi tệp .ics: sửa các lỗi (error) ở trên rồi chạy lại.", err=True)
    sys.exit(diag.exit_code(exported.diagnostics))


@main.command()
@click.argument("folder", default=".", type=click.Path())
@click.option("--port", type=click.IntRange(0, 65535), metavar="CỔNG", help="cổng (mặc định 8765, hoặc cổng trống kế tiếp)")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ĐỊA-CHỈ", help="địa chỉ nghe; 0.0.0.0 để mở cho mạng nội bộ (vẫn cần token)")
@click.option("--no-browser", is_flag=True, help="không tự mở trình duyệt")
@guarded
def serve(folder: str, port: int | None, host: str, no_browser: bool) -> None:
    """Mở trang web trên máy này để xem, sửa, kiểm tra và tải các kế hoạch trong một thư mục."""
    from kehoach.serve import serve as run

    run(folder, host, port, open_browser=not no_browser)
