"""`kehoach serve`: a local web page over a folder of plans, for people who never open a terminal."""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
import webbrowser

from kehoach.errors import UserError

DEFAULT_PORT = 8765
PORT_TRIES = 20  # as Jupyter does: the next free port when the default one is taken


class CannotListen(UserError):
    """The port is taken or the address cannot be used."""


def _bind(host: str, port: int | None) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    ports = [port] if port is not None else range(DEFAULT_PORT, DEFAULT_PORT + PORT_TRIES)
    last: OSError | None = None
    for candidate in ports:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host.strip("[]"), candidate))
        except OSError as error:
            sock.close()
            last = error
            if error.errno != errno.EADDRINUSE:
                break
            continue
        sock.listen(128)
        sock.set_inheritable(True)
        return sock
    if last is not None and last.errno == errno.EADDRINUSE:
        raise CannotListen(f"cổng {port or DEFAULT_PORT} đang bị chương trình khác dùng: chọn cổng khác với --port")
    raise CannotListen(f"không mở được địa chỉ {host}: {last.strerror if last else ''}; kiểm tra --host")


def url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host.strip('[]')}]" if ":" in host else host


def serve(folder: str, host: str = "127.0.0.1", port: int | None = None, open_browser: bool = True,
          out=None, err=None) -> None:
    """Serve `folder` until Ctrl-C. The first line written to `out` is the URL with its token."""
    import uvicorn

    from kehoach.fileio import signals_unwind
    from kehoach.serve.app import create_app
    from kehoach.serve.pdfs import PdfMaker
    from kehoach.serve.security import allowed_hosts, new_token

    out, err = out or sys.stdout, err or sys.stderr
    if not os.path.isdir(folder):
        raise CannotListen(f"`{folder}` không phải một thư mục: nêu thư mục chứa các kế hoạch (.yaml)")
    sock = _bind(host, port)
    bound_port = sock.getsockname()[1]
    token = new_token()
    pdfs = PdfMaker()
    app = create_app(folder, token, new_token(), allowed_hosts(host), cookie=f"kehoach_token_{bound_port}", pdfs=pdfs)
    url = f"http://{url_host(host)}:{bound_port}/?token={token}"
    print(url, file=out, flush=True)
    print(f"kehoach đang phục vụ thư mục {os.path.abspath(folder)}. Mở địa chỉ trên trong trình duyệt; "
          "bấm Ctrl-C để dừng.", file=err, flush=True)
    if host in ("0.0.0.0", "::"):
        print(f"Đang mở cho cả mạng nội bộ: máy khác mở http://{socket.gethostname()}:{bound_port}/?token={token} "
              "(hoặc địa chỉ IP của máy này). Vẫn cần mã truy cập (token) ở trên: chỉ gửi nó cho người được sửa "
              "kế hoạch.", file=err, flush=True)
    # The access log would print every path and query: no request line is ever logged.
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    if open_browser:
        threading.Timer(0.5, lambda: webbrowser.open(url)).start()
    try:
        # uvicorn shuts down on Ctrl-C and SIGTERM, then raises the signal again: SIGTERM must end
        # in SystemExit here, not kill the process before the kept LibreOffice is stopped.
        with signals_unwind():
            server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass  # uvicorn has shut down cleanly
    finally:  # after SIGTERM too, whose SystemExit (exit code 143) goes on up
        pdfs.close()
        sock.close()
        print("Đã dừng kehoach serve.", file=err, flush=True)
