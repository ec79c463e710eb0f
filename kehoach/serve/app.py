"""The web application: a folder page, a plan page, and the small JSON endpoints the page calls.

Starlette: a small, well-kept ASGI toolkit whose sync endpoints run in a thread pool (checking and
rendering are CPU work and must not block the event loop), with a TestClient for the security
tests. The pages are Jinja2 templates; the script and style are files inside the package."""

from __future__ import annotations

import os
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kehoach.errors import UnsafePath, UserError
from kehoach.serve import actions
from kehoach.serve.files import Conflict, Folder, NotFound, digest, save
from kehoach.serve.security import Guard

MAX_BODY = actions.UPLOAD_LIMIT + 1024 * 1024


def _status_code(error: UserError) -> int:
    if isinstance(error, UnsafePath):
        return 403
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, Conflict):
        return 409
    if isinstance(error, actions.NoPdf):
        return 503
    return 422


def create_app(root: str, token: str, csrf: str, allowed: set[str] | None, cookie: str = "kehoach_token",
               pdfs=None) -> Guard:
    """`pdfs`: a kehoach.serve.pdfs.PdfMaker whose kept LibreOffice the caller closes; without it,
    each PDF is a fresh LibreOffice run."""
    folder = Folder.at(root)
    pages = Environment(loader=PackageLoader("kehoach.serve", "templates"), autoescape=select_autoescape(["html"]))

    def page(name: str, status: int = 200, **values) -> HTMLResponse:
        body = pages.get_template(name).render(csrf=csrf, folder_name=os.path.basename(folder.root) or folder.root, **values)
        return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})

    def failed(error: UserError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=_status_code(error))

    def index(request: Request) -> Response:
        rows = [(relative, actions.status_of(folder, relative)) for relative in folder.specs()]
        return page("folder.html", rows=rows)

    def plan(request: Request) -> Response:
        relative = request.path_params["path"]
        try:
            path = folder.spec(relative)
        except UserError as error:
            return page("error.html", _status_code(error), message=str(error))
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return page("error.html", 422, message="tệp không phải văn bản UTF-8: mở bằng trình soạn thảo và lưu lại dạng UTF-8")
        return page("plan.html", relative=folder.relative(path), text=text, digest=digest(data),
                    next_year=actions.next_year(path))

    async def json_body(request: Request) -> dict:
        body = await request.body()
        if len(body) > MAX_BODY:
            raise UserError("yêu cầu quá lớn")
        import json

        try:
            data = json.loads(body)
        except ValueError as bad:
            raise UserError("yêu cầu không đúng dạng JSON") from bad
        if not isinstance(data, dict) or not isinstance(data.get("path"), str) or not isinstance(data.get("text", ""), str):
            raise UserError("yêu cầu thiếu `path` hoặc `text`")
        return data

    def endpoint(work):
        """A POST endpoint over the editor's text: JSON in, `work(data)` in a worker thread, JSON or a file out."""
        from starlette.concurrency import run_in_threadpool

        async def run(request: Request) -> Response:
            try:
                data = await json_body(request)
                return await run_in_threadpool(work, data)
            except UserError as error:
                return failed(error)

        return run

    def check(data: dict) -> Response:
        result = actions.check_text(folder, data["path"], data["text"])
        return JSONResponse(result.__dict__)

    def preview(data: dict) -> Response:
        svg = actions.calendar_svg(folder, data["path"], data["text"])
        try:
            html, css = actions.preview_html(folder, data["path"], data["text"])
        except actions.HasErrors as errors:
            html, css = "", ""
            note = str(errors)
        else:
            note = ""
        return JSONResponse({"html": html, "css": css, "calendar": svg, "note": note})

    def save_text(data: dict) -> Response:
        new_digest, backup = save(folder, data["path"], data["text"], str(data.get("digest", "")))
        result = actions.check_text(folder, data["path"], data["text"])
        return JSONResponse({"digest": new_digest, "backup": backup, **result.__dict__})

    def attachment(content: bytes, name: str, media: str) -> Response:
        return Response(content, media_type=media, headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}", "Cache-Control": "no-store"})

    def docx(data: dict) -> Response:
        stem = os.path.splitext(os.path.basename(data["path"]))[0]
        content = actions.docx_bytes(folder, data["path"], data["text"])
        return attachment(content, stem + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

    def pdf(data: dict) -> Response:
        stem = os.path.splitext(os.path.basename(data["path"]))[0]
        return attachment(actions.pdf_bytes(folder, data["path"], data["text"], pdfs), stem + ".pdf", "application/pdf")

    def roll(data: dict) -> Response:
        try:
            year = int(data.get("year"))
        except (TypeError, ValueError) as bad:
            raise UserError("năm mới phải là một số, ví dụ 2026") from bad
        if not 1945 <= year <= 2100:
            raise UserError("năm mới phải từ 1945 đến 2100")
        written, checklist = actions.roll_forward(folder, data["path"], year)
        return JSONResponse({"written": written, "checklist": [{"title": t, "items": i} for t, i in checklist]})

    async def upload(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        try:
            length = int(request.headers.get("content-length", "0"))
        except ValueError:
            length = 0
        if length > MAX_BODY:
            return failed(actions.CannotImport("tệp tải lên quá 20 MiB: đây không giống một kế hoạch hay một lịch"))
        try:
            async with request.form(max_files=1, max_fields=2, max_part_size=actions.UPLOAD_LIMIT + 1) as form:
                sent = form.get("file")
                if sent is None or not hasattr(sent, "read"):
                    raise actions.CannotImport("chưa chọn tệp để nhập")
                content = await sent.read()
                written = await run_in_threadpool(actions.import_upload, folder, sent.filename or "", content)
        except UserError as error:
            return failed(error)
        return JSONResponse({"written": written})

    routes = [
        Route("/", index),
        Route("/ke-hoach/{path:path}", plan),
        Route("/api/kiem-tra", endpoint(check), methods=["POST"]),
        Route("/api/xem-truoc", endpoint(preview), methods=["POST"]),
        Route("/api/luu", endpoint(save_text), methods=["POST"]),
        Route("/api/docx", endpoint(docx), methods=["POST"]),
        Route("/api/pdf", endpoint(pdf), methods=["POST"]),
        Route("/api/nam-moi", endpoint(roll), methods=["POST"]),
        Route("/api/nhap", upload, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("kehoach.serve", "static")]), name="static"),
    ]
    return Guard(Starlette(routes=routes), token, csrf, allowed, cookie)
