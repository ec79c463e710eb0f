"""The guard in front of every request, as Jupyter does it.

- a random token, given once in the URL the command prints, then kept in a cookie (HttpOnly,
  SameSite=Strict); every request without it is refused, including static files;
- the Host header must name this machine (DNS rebinding: a page on evil.example whose name is made
  to point at 127.0.0.1 would otherwise talk to us with the user's cookie... and read the answers);
- a POST must carry the page's CSRF token in `X-CSRF-Token` (a header no other site can set without
  our consent) and, when the browser sends one, an Origin of this very server.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.responses import HTMLResponse, RedirectResponse
from starlette.types import ASGIApp, Receive, Scope, Send

LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}
WILDCARDS = {"0.0.0.0", "::", ""}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def allowed_hosts(bound: str) -> set[str] | None:
    """The host names a request may use; None means any IP literal (a server bound to every
    interface is reached by the LAN address, which we cannot list) plus this machine's names."""
    if bound in WILDCARDS:
        return None
    return LOCAL_NAMES | {bound.strip("[]").lower()}


def _host_name(header: str) -> str:
    """`127.0.0.1:8765` → `127.0.0.1`; `[::1]:8765` → `::1`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(header: str, allowed: set[str] | None) -> bool:
    name = _host_name(header)
    if not name:
        return False
    if allowed is not None:
        return name in allowed
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        machine = {socket.gethostname().lower(), socket.getfqdn().lower()}
        return name in LOCAL_NAMES or name in machine


def _refused(message: str, status: int) -> HTMLResponse:
    page = (
        "<!doctype html><html lang='vi'><meta charset='utf-8'><title>kehoach</title>"
        f"<body style='font-family:sans-serif;max-width:40em;margin:3em auto'><h1>Không mở được trang</h1><p>{message}</p></body></html>"
    )
    return HTMLResponse(page, status_code=status)


class Guard:
    """ASGI middleware: host, token, CSRF and origin checks before the application sees a request."""

    def __init__(self, app: ASGIApp, token: str, csrf: str, allowed: set[str] | None, cookie: str):
        self.app, self.token, self.csrf, self.allowed, self.cookie = app, token, csrf, allowed, cookie

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if not host_allowed(host, self.allowed):
            await _refused("Tên máy trong địa chỉ không được phép (Host). Mở trang bằng địa chỉ mà lệnh "
                           "<code>kehoach serve</code> đã in ra.", 400)(scope, receive, send)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get("token")
        if given is not None:
            if not secrets.compare_digest(given, self.token):
                await _refused("Mã truy cập (token) không đúng. Mở trang bằng địa chỉ mà lệnh "
                               "<code>kehoach serve</code> đã in ra.", 403)(scope, receive, send)
                return
            # Keep the token out of the address bar, the history and Referer headers from here on.
            del query["token"]
            target = scope["path"] + ("?" + urlencode(query) if query else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="strict", path="/")
            await response(scope, receive, send)
            return
        if not self._authenticated(headers):
            await _refused("Cần mã truy cập (token): mở trang bằng địa chỉ có <code>?token=...</code> mà lệnh "
                           "<code>kehoach serve</code> đã in ra ở dòng đầu.", 403)(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            problem = self._write_refusal(headers, host)
            if problem:
                await _refused(problem, 403)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _authenticated(self, headers: dict[str, str]) -> bool:
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is simply no token
            return False
        morsel = cookie.get(self.cookie)
        if morsel is not None and secrets.compare_digest(morsel.value, self.token):
            return True
        authorization = headers.get("authorization", "")
        return authorization.startswith("token ") and secrets.compare_digest(authorization[6:], self.token)

    def _write_refusal(self, headers: dict[str, str], host: str) -> str | None:
        if not secrets.compare_digest(headers.get("x-csrf-token", ""), self.csrf):
            return "Thiếu mã chống giả mạo (CSRF): tải lại trang rồi làm lại."
        origin = headers.get("origin")
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            return "Yêu cầu đến từ một trang khác (Origin): kehoach chỉ nhận yêu cầu từ chính trang của nó."
        return None
