"""The files one command writes, checked together before the first is written, then written all
or nothing.

A command that writes several files (`new`: a plan and its schedules; `init`: a plan and a
schedule) must never stop half-way: every target is checked first — not one of the command's
inputs, not two outputs on one path, not a folder, not under a file, not an existing file without
`--force` — and the texts are then written to temporary files that are renamed only when all are
written.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from dataclasses import dataclass, field

from kehoach.errors import OutputConflict
from kehoach.fileio import atomic_output


def same_file_key(path: str) -> str:
    """One spelling per file: symbolic links and `..` resolved, case folded where the system folds it."""
    return os.path.normcase(os.path.realpath(path))


@dataclass
class _Output:
    path: str
    text: str
    what: str


@dataclass
class Outputs:
    """`inputs`: the files the command reads (none may be overwritten, `--force` or not).
    `overwrite_hint`: what to do about an existing file, said the way the command is used."""

    inputs: list[str]
    force: bool
    overwrite_hint: str
    planned: list[_Output] = field(default_factory=list)

    def add(self, path: str, text: str, what: str) -> None:
        """`what` names the output in messages (`lịch mới của schedules/a.yaml`)."""
        self.planned.append(_Output(path, text, what))

    def check(self) -> None:
        """Raise `OutputConflict` for the first target that cannot be written as asked."""
        inputs = {same_file_key(p): p for p in self.inputs}
        seen: dict[str, _Output] = {}
        for output in self.planned:
            key = same_file_key(output.path)
            if key in inputs or any(_same_existing(output.path, p) for p in self.inputs):
                raise OutputConflict(
                    f"{output.what} sẽ ghi đè lên tệp đầu vào `{inputs.get(key, output.path)}`: "
                    "chọn tên khác (với -o) để tệp cũ được giữ nguyên"
                )
            if key in seen:
                raise OutputConflict(
                    f"{seen[key].what} và {output.what} cùng được ghi vào `{output.path}`: "
                    "đổi tên một trong hai tệp (hoặc chọn tên khác với -o) rồi chạy lại"
                )
            seen[key] = output
            _check_target(output, self.force, self.overwrite_hint)

    def write(self) -> list[str]:
        """Check every target, then write them all; an error leaves no file changed or half-written."""
        self.check()
        with ExitStack() as stack:
            temporaries = [(stack.enter_context(atomic_output(o.path)), o) for o in self.planned]
            for tmp, output in temporaries:
                with open(tmp, "w", encoding="utf-8", newline="") as f:
                    f.write(output.text)
        return [o.path for o in self.planned]


def _same_existing(path: str, other: str) -> bool:
    """Also a hard link to the same file, which no path comparison sees."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _check_target(output: _Output, force: bool, overwrite_hint: str) -> None:
    path = output.path
    if os.path.isdir(path):
        raise OutputConflict(f"`{path}` ({output.what}) là một thư mục: nêu một tên tệp, ví dụ `{os.path.join(path, 'ke-hoach.yaml')}`")
    if os.path.lexists(path) and not force:
        raise OutputConflict(f"`{path}` đã có: {overwrite_hint}")
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.lexists(folder):
        folder = os.path.dirname(folder)
    if not os.path.isdir(folder):
        raise OutputConflict(
            f"không ghi được {output.what} vào `{path}`: `{folder}` là một tệp, không phải thư mục — "
            "đổi tên tệp đó hoặc chọn chỗ khác"
        )
