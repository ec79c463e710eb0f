"""Write files so that a failure never leaves a half-written or clobbered file behind."""

from __future__ import annotations

import errno
import os
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from kehoach.errors import NotWritable, OutOfMemory


DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(name: str) -> str:
    """A file the package ships in kehoach/data (read with plain open: importlib.resources
    costs a pathlib import that checking does not otherwise need)."""
    return os.path.join(DATA, name)


def load_data(name: str):
    """A YAML file the package ships (trusted, so loaded plainly, with libyaml where it is built in)."""
    import yaml

    with open(data_path(name), encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _cannot_write(path: str, error: OSError) -> NotWritable:
    """The user's situation (a full disk, a read-only folder, a file where a folder should be), said so."""
    where = os.path.dirname(os.path.abspath(path))
    if error.errno in _FULL:
        return NotWritable(f"không ghi được `{path}`: ổ đĩa đã đầy; xóa bớt tệp hoặc ghi ra ổ đĩa khác (-o)")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return NotWritable(f"không ghi được `{path}`: không có quyền ghi vào thư mục `{where}`; chọn thư mục khác (-o)")
    if error.errno in (errno.ENOTDIR, errno.EEXIST):
        return NotWritable(f"không ghi được `{path}`: một phần của đường dẫn là tệp, không phải thư mục; chọn đường dẫn khác (-o)")
    if error.errno == errno.EISDIR:
        return NotWritable(f"không ghi được `{path}`: đó là một thư mục; nêu tên tệp, hoặc một thư mục khác (-o)")
    return NotWritable(f"không ghi được `{path}` ({error.strerror}); chọn nơi ghi khác (-o)")


def ensure_writable(path: str) -> None:
    """Refuse, before anything is written, a target that could not be written: it is a folder, a
    part of its folder path is a file, or the folder that would hold it is not writable."""
    if os.path.isdir(path):
        raise _cannot_write(path, OSError(errno.EISDIR, os.strerror(errno.EISDIR)))
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(folder):
        folder = os.path.dirname(folder)
    if not os.path.isdir(folder):
        raise _cannot_write(path, OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _cannot_write(path, OSError(errno.EACCES, os.strerror(errno.EACCES)))


def _raise_on_signal(signum, frame):
    raise SystemExit(128 + signum)


@contextmanager
def signals_unwind() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into SystemExit while files are staged, so that cleanup code runs
    (their default action kills the process at once, leaving temporary files behind). SIGINT
    already raises KeyboardInterrupt. Handlers can only be set in the main thread; a web server's
    worker thread relies on its own shutdown."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {}
    for number in wanted:
        if signal.getsignal(number) is signal.SIG_DFL:
            previous[number] = signal.signal(number, _raise_on_signal)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


_STAGED: set[str] = set()


def is_staged(path: str) -> bool:
    """`path` is a temporary file a `Staging` of this process staged: private to the call, so it
    can be written in place (staging it again would only add a rename)."""
    return path in _STAGED


_ENDING_SIGNALS = {getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)}


@contextmanager
def _signals_held() -> Iterator[None]:
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Staging:
    """The files one command writes, all or nothing.

    `stage(target)` gives a hidden temporary file beside each target; when the `with` block ends
    without an exception every one is renamed over its target, otherwise every one is removed, with
    the folders staging created. A signal ending the process counts as an exception."""

    def __init__(self) -> None:
        self._staged: list[tuple[str, str]] = []
        self._created: list[str] = []
        self._signals = signals_unwind()

    def __enter__(self) -> Staging:
        self._signals.__enter__()
        return self

    def stage(self, target: str) -> str:
        import tempfile  # with shutil, random and the compressors: 3 ms that `check`, which writes nothing, need not pay

        folder = os.path.dirname(os.path.abspath(target))
        # A signal between creating the file and recording it would leave it behind: hold the
        # signals that end the process until it is recorded, then let them through.
        with _signals_held():
            try:
                self._make_folders(folder)
                fd, tmp = tempfile.mkstemp(prefix=".kehoach-", suffix=os.path.splitext(target)[1], dir=folder)
            except OSError as error:
                raise _cannot_write(target, error) from None
            os.close(fd)
            self._staged.append((tmp, target))
            _STAGED.add(tmp)
        return tmp

    def _make_folders(self, folder: str) -> None:
        missing = []
        while not os.path.isdir(folder):
            missing.append(folder)
            folder = os.path.dirname(folder)
        for path in reversed(missing):
            try:
                os.mkdir(path)
            except FileExistsError:
                if not os.path.isdir(path):
                    raise
                continue  # made meanwhile by someone else: not ours to remove
            self._created.append(path)

    def abandon(self) -> None:
        """Write nothing after all: remove what was staged."""
        self._discard()
        self._forget()

    def _forget(self) -> None:
        _STAGED.difference_update(tmp for tmp, _ in self._staged)
        self._staged.clear()

    def __exit__(self, kind, error, traceback) -> None:
        try:
            with _signals_held():  # renaming or removing every staged file is not cut short
                if kind is None:
                    self._commit()
                else:
                    self._discard()
        finally:
            staged = dict(self._staged)
            self._forget()
            self._signals.__exit__(None, None, None)
        if isinstance(error, OSError) and staged:
            # Writing a staged file fails with its name, or (a write into an open file) with none.
            if error.filename in staged:
                raise _cannot_write(staged[error.filename], error) from None
            if error.errno in _FULL:
                raise _cannot_write(list(staged.values())[-1], error) from None
        if isinstance(error, MemoryError):
            raise OutOfMemory(
                "không đủ bộ nhớ để dựng văn bản: đóng bớt chương trình, hoặc dựng ít tệp hơn trong một lần"
            ) from None

    def _commit(self) -> None:
        mode = 0o666 & ~_umask()  # mkstemp makes private files; an output is an ordinary new file
        try:
            for tmp, target in self._staged:
                os.chmod(tmp, mode)
                os.replace(tmp, target)
        except OSError as error:
            self._discard()
            raise _cannot_write(target, error) from None

    def _discard(self) -> None:
        for tmp, _ in self._staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        for folder in reversed(self._created):
            try:
                os.rmdir(folder)
            except OSError:
                pass  # something else was put there meanwhile: it is not ours to remove


@contextmanager
def atomic_output(path: str) -> Iterator[str]:
    """Yield a temporary path beside `path`; when the block succeeds, rename it over `path`."""
    with Staging() as outputs:
        yield outputs.stage(path)
