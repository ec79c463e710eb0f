"""Writing a picture or a calendar file: never over an input, never over a file without --force,
never half-written."""

from __future__ import annotations

import os

from kehoach.errors import OutputConflict
from kehoach.fileio import atomic_output


def write_new(path: str, data: bytes, inputs: list[str], force: bool) -> None:
    target = os.path.realpath(path)
    if any(os.path.realpath(i) == target for i in inputs):
        raise OutputConflict(f"`{path}` là tệp đầu vào: chọn tên khác cho tệp ra (-o)")
    if os.path.isdir(path):
        raise OutputConflict(f"`{path}` là một thư mục: ghi tên tệp ra, ví dụ `{os.path.join(path, 'lich')}`")
    if os.path.exists(path) and not force:
        raise OutputConflict(f"`{path}` đã có: thêm --force để ghi đè, hoặc chọn tên khác")
    with atomic_output(path) as tmp:
        with open(tmp, "wb") as f:
            f.write(data)
