"""The folder being served: which files may be read and written, listing, saving with a backup and
a conflict check, and unsaved text checked beside a shadow of the folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from typing import Iterator

from kehoach.errors import UnsafePath, UserError
from kehoach.fileio import atomic_output

SPEC_SUFFIXES = (".yaml", ".yml")
BACKUP_DIR = ".kehoach-backup"
MAX_TEXT = 8 * 1024 * 1024  # as the loader's limit


class NotFound(UserError):
    """No such plan in the folder."""


class Conflict(UserError):
    """The file changed on disk since the page read it."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Folder:
    root: str  # absolute and resolved

    @classmethod
    def at(cls, path: str) -> "Folder":
        return cls(os.path.realpath(path))

    def resolve(self, relative: str) -> str:
        """The real path of `relative`, refused when it leads outside the folder in any way:
        `..`, an absolute path, a drive, or a symlink whose target lies outside."""
        parts = relative.replace("\\", "/").split("/")
        if not relative or relative.startswith("/") or ".." in parts or ":" in relative or "\x00" in relative:
            raise UnsafePath(f"`{relative}` không nằm trong thư mục đang mở")
        real = os.path.realpath(os.path.join(self.root, *parts))
        if os.path.commonpath([real, self.root]) != self.root:
            raise UnsafePath(f"`{relative}` dẫn ra ngoài thư mục đang mở")
        return real

    def spec(self, relative: str) -> str:
        """An existing plan or schedule file of the folder."""
        path = self.resolve(relative)
        if not path.endswith(SPEC_SUFFIXES) or not os.path.isfile(path):
            raise NotFound(f"không có kế hoạch `{relative}` trong thư mục")
        return path

    def relative(self, path: str) -> str:
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def specs(self) -> list[str]:
        """Every .yaml file below the folder, hidden folders (backups, .git, .venv) left out."""
        found = []
        for directory, subdirs, names in os.walk(self.root):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
            for name in sorted(names):
                if name.endswith(SPEC_SUFFIXES) and not name.startswith("."):
                    found.append(self.relative(os.path.join(directory, name)))
        return found


_saving = threading.Lock()


def save(folder: Folder, relative: str, text: str, base: str) -> tuple[str, str]:
    """Write `text` over the file if it is still the version whose digest is `base`; keep the previous
    version in `.kehoach-backup/`. Returns (the new digest, the backup's relative path)."""
    data = text.encode("utf-8")
    if len(data) > MAX_TEXT:
        raise UserError("tệp quá lớn (trên 8 MiB): tách lịch thành nhiều tệp")
    path = folder.spec(relative)
    with _saving:
        with open(path, "rb") as f:
            current = f.read()
        if digest(current) != base:
            raise Conflict(
                "tệp đã được sửa ở nơi khác (một thẻ khác hoặc một chương trình khác) từ khi trang này mở: "
                "chép phần bạn vừa sửa ra ngoài, tải lại trang rồi sửa lại"
            )
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        backup = os.path.join(folder.root, BACKUP_DIR, f"{folder.relative(path)}.{stamp}.bak")
        os.makedirs(os.path.dirname(backup), exist_ok=True)
        with atomic_output(backup) as tmp:
            shutil.copyfile(path, tmp)
        with atomic_output(path) as tmp:
            with open(tmp, "wb") as f:
                f.write(data)
    return digest(data), folder.relative(backup)


@dataclass(frozen=True)
class Draft:
    root: str  # the shadow of the folder
    path: str  # the unsaved text, at its place in the shadow

    def relative(self, path: str) -> str:
        """A path of a diagnostic, as the folder names it."""
        inside = os.path.commonpath([path, self.root]) == self.root
        return os.path.relpath(path, self.root).replace(os.sep, "/") if inside else os.path.basename(path)


@contextlib.contextmanager
def draft(folder: Folder, relative: str, text: str) -> Iterator[Draft]:
    """A private temporary copy of the folder's specs where `relative` holds the unsaved `text`, so
    the schedules a plan includes are found as they will be once saved, and nothing is ever written
    inside the folder. Copies, not links: the loader follows links to keep included files inside the
    plan's folder, and a link would lead out of the copy. Only the specs a folder page lists (files
    the folder's own checks let through) are copied; a spec that cannot be read is left out."""
    path = folder.spec(relative)
    own = folder.relative(path)
    with tempfile.TemporaryDirectory(prefix="kehoach-serve-") as shadow:
        for other in folder.specs():
            if other == own:
                continue
            try:
                source = folder.spec(other)
            except (UnsafePath, NotFound):
                continue
            target = os.path.join(shadow, *other.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(source, target)
        written = os.path.join(shadow, *own.split("/"))
        os.makedirs(os.path.dirname(written), exist_ok=True)
        with open(written, "w", encoding="utf-8") as f:
            f.write(text)
        yield Draft(shadow, written)
