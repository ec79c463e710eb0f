"""The files one command writes, checked together before the first is written, then written all
or nothing.

A command that writes several files (`new`: a plan and its schedules; `init`: a plan and a
schedule) must never stop half-way: every target is checked first — not one of the command's
inputs, not two outputs on one path, a path that can be written (kehoach.fileio.ensure_writable),
not an existing file without `--force` — and then all are staged and renamed together
(kehoach.fileio.Staging).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from kehoach.errors import OutputConflict
from kehoach.fileio import Staging
from kehoach.fileio import ensure_writable


def same_file_key(path: str) -> str:
    """One spelling per file: symbolic links and `..` resolved, case folded where the system folds it."""
    return os.path.normcase(os.path.realpath(path))


@dataclass
class _Output:
    path: str
    content: str | bytes  # text is written as UTF-8, bytes (a picture) as they are
    what: str


@dataclass
class Outputs:
    """`inputs`: the files the command reads (none may be overwritten, `--force` or not).
    `overwrite_hint`: what to do about an existing file, said the way the command is used."""

    inputs: list[str]
    force: bool
    overwrite_hint: str
    planned: list[_Output] = field(default_factory=list)

    def add(self, path: str, content: str | bytes, what: str) -> None:
        """`what` names the output in messages (`lịch mới của schedules/a.yaml`)."""
        self.planned.append(_Output(path, content, what))

    def check(self) -> None:
        """Raise a UserError for the first target that cannot be written as asked."""
        inputs = {same_file_key(p): p for p in self.inputs}
        seen: dict[str, _Output] = {}
        for target in self.planned:
            key = same_file_key(target.path)
            if key in inputs or any(_same_existing(target.path, p) for p in self.inputs):
                raise OutputConflict(
                    f"{target.what} sẽ ghi đè lên tệp đầu vào `{inputs.get(key, target.path)}`: "
                    "chọn tên khác (với -o) để tệp cũ được giữ nguyên"
                )
            if key in seen:
                raise OutputConflict(
                    f"{seen[key].what} và {target.what} cùng được ghi vào `{target.path}`: "
                    "đổi tên một trong hai tệp (hoặc chọn tên khác với -o) rồi chạy lại"
                )
            seen[key] = target
            ensure_writable(target.path)
            if os.path.lexists(target.path) and not self.force:
                raise OutputConflict(f"`{target.path}` đã có: {self.overwrite_hint}")

    def write(self) -> list[str]:
        """Check every target, then write them all; an error leaves no file changed or half-written."""
        self.check()
        with Staging() as staged:
            for target in self.planned:
                if isinstance(target.content, bytes):
                    with open(staged.stage(target.path), "wb") as f:
                        f.write(target.content)
                else:
                    with open(staged.stage(target.path), "w", encoding="utf-8", newline="") as f:
                        f.write(target.content)
        return [t.path for t in self.planned]


def _same_existing(path: str, other: str) -> bool:
    """Also a hard link to the same file, which no path comparison sees."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False
