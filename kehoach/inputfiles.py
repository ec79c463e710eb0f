"""Open what a user names as input — a spec, a text, a Word or Excel file, a template — safely.

Only regular files are read (a folder, a FIFO or `/dev/zero` would hang or fill memory), their size is
bounded before a byte is read, and a zip package (.docx, .xlsx) is refused when its members would
unpack to more than a bound (a 2 MB zip can hold gigabytes). Every refusal is a `NotReadable` whose
message names the file and says what to do.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from kehoach.errors import NotReadable

if TYPE_CHECKING:
    import zipfile

class TooLarge(NotReadable):
    """An input over its size bound."""


def _refused(path: str, reason: str, kind: type[NotReadable] = NotReadable) -> NotReadable:
    """A refusal whose message names the file; `reason` is the same sentence without the file name,
    for a diagnostic that already names it."""
    error = kind(f"`{path}`: {reason}.")
    error.reason = reason
    return error


MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
# What the members of a .docx/.xlsx may unpack to, together and each: a 300-page plan is under 20 MB.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
# An encrypted Office file is an OLE compound file, not a zip: say so rather than "damaged".
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def regular_file(path: str, limit: int) -> int:
    """The file's size, after making sure it is a regular file no larger than `limit` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _refused(path, "không có tệp này: kiểm tra lại đường dẫn và tên tệp") from None
    except OSError as error:
        raise _refused(path, f"không mở được ({error.strerror}): kiểm tra quyền đọc tệp") from None
    if stat.S_ISDIR(info.st_mode):
        raise _refused(path, "đây là một thư mục, không phải tệp: nêu tên tệp trong thư mục đó")
    if not stat.S_ISREG(info.st_mode):
        raise _refused(path, "đây không phải một tệp thông thường (thiết bị, ống dẫn): nêu một tệp trên đĩa")
    if info.st_size > limit:
        raise _refused(
            path,
            f"tệp lớn {_megabytes(info.st_size)} MB, quá giới hạn {_megabytes(limit)} MB: tách thành các tệp nhỏ hơn",
            TooLarge,
        )
    return info.st_size


def read_bytes(path: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    size = regular_file(path, limit)
    with open(path, "rb") as f:
        # One byte past the size tells whether the file grew since stat() (a buffer of the limit's
        # size for every small file would cost more than reading it); if it did, read on to one
        # byte past the limit, so that a file grown too large is still refused.
        data = f.read(size + 1)
        if len(data) > size:
            data += f.read(limit + 1 - len(data))
    if len(data) > limit:
        raise _refused(path, f"tệp quá giới hạn {_megabytes(limit)} MB: tách thành các tệp nhỏ hơn", TooLarge)
    return data


def open_package(path: str, limit: int = MAX_PACKAGE_BYTES, unpacked: int = MAX_UNPACKED_BYTES) -> zipfile.ZipFile:
    """A .docx/.xlsx opened as a zip whose members' declared sizes are within bounds.

    The declared sizes are what the zip's directory says; `read_member` also stops at the bound
    while inflating, so a member that lies about its size is cut short and refused.
    """
    import zipfile  # only for a Word or Excel input

    regular_file(path, limit)
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with open(path, "rb") as f:
            if f.read(len(_OLE_MAGIC)) == _OLE_MAGIC:
                raise _refused(
                    path,
                    "đây là tệp có mật khẩu hoặc tệp Word/Excel cũ (.doc/.xls), không phải .docx/.xlsx: mở bằng "
                    "Word/Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ), rồi lưu lại dạng .docx/.xlsx",
                ) from None
        raise _refused(
            path,
            "không phải tệp Office (.docx/.xlsx) đọc được — có thể là tệp .doc cũ, tệp có mật khẩu "
            "hoặc tệp hỏng: mở bằng Word/Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng .docx/.xlsx",
        ) from None
    except OSError as error:
        raise _refused(path, f"không mở được ({error.strerror}): kiểm tra quyền đọc tệp") from None
    members = package.infolist()
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or total > unpacked or any(m.file_size > unpacked for m in members):
        package.close()
        raise _refused(
            path,
            f"khi giải nén lớn hơn {_megabytes(unpacked)} MB (tệp nén bất thường): mở bằng Word/Excel và lưu lại thành tệp mới",
            TooLarge,
        )
    return package


def read_member(package: zipfile.ZipFile, name: str, unpacked: int = MAX_UNPACKED_BYTES) -> bytes:
    """One member of a package, refused past `unpacked` bytes whatever its header claims."""
    with package.open(name) as member:
        data = member.read(unpacked + 1)
    if len(data) > unpacked:
        raise _refused(
            package.filename, f"phần `{name}` lớn bất thường khi giải nén: mở bằng Word/Excel và lưu lại thành tệp mới", TooLarge
        )
    return data


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}" if size >= 1024 * 1024 else f"{size / (1024 * 1024):.2f}"
