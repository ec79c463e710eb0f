"""Open what a user names as input — a spec, a text, a Word or Excel file, a template — safely.

Only regular files are read (a folder, a FIFO or `/dev/zero` would hang or fill memory), their size is
bounded before a byte is read, and a zip package (.docx, .xlsx) is refused when its members would
unpack to more than a bound (a 2 MB zip can hold gigabytes). Every refusal is a `NotReadable` whose
message names the file and says what to do.
"""

from __future__ import annotations

import os
import stat
import zipfile

from kehoach.errors import NotReadable

MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_PACKAGE_BYTES = 64 * 1024 * 1024
# What the members of a .docx/.xlsx may unpack to, together and each: a 300-page plan is under 20 MB.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 10_000


def regular_file(path: str, limit: int) -> int:
    """The file's size, after making sure it is a regular file no larger than `limit` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise NotReadable(f"`{path}`: không có tệp này: kiểm tra lại đường dẫn và tên tệp.") from None
    except OSError as error:
        raise NotReadable(f"`{path}`: không mở được ({error.strerror}): kiểm tra quyền đọc tệp.") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotReadable(f"`{path}` là một thư mục, không phải tệp: nêu tên tệp trong thư mục đó.")
    if not stat.S_ISREG(info.st_mode):
        raise NotReadable(f"`{path}` không phải một tệp thông thường (thiết bị, ống dẫn): nêu một tệp trên đĩa.")
    if info.st_size > limit:
        raise NotReadable(
            f"`{path}` lớn {info.st_size // (1024 * 1024)} MB, quá giới hạn {limit // (1024 * 1024)} MB: "
            "tách thành các tệp nhỏ hơn."
        )
    return info.st_size


def read_bytes(path: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    regular_file(path, limit)
    with open(path, "rb") as f:
        # Read one byte past the limit: a file that grew since stat() is still refused.
        data = f.read(limit + 1)
    if len(data) > limit:
        raise NotReadable(f"`{path}` quá giới hạn {limit // (1024 * 1024)} MB: tách thành các tệp nhỏ hơn.")
    return data


def open_package(path: str, limit: int = MAX_PACKAGE_BYTES, unpacked: int = MAX_UNPACKED_BYTES) -> zipfile.ZipFile:
    """A .docx/.xlsx opened as a zip whose members' declared sizes are within bounds.

    The declared sizes are what the zip's directory says; `read_member` also stops at the bound
    while inflating, so a member that lies about its size is cut short and refused.
    """
    regular_file(path, limit)
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise NotReadable(
            f"`{path}` không phải tệp Office (.docx/.xlsx) đọc được — có thể là tệp .doc cũ, tệp có mật khẩu "
            "hoặc tệp hỏng: mở bằng Word/Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng .docx/.xlsx."
        ) from None
    except OSError as error:
        raise NotReadable(f"`{path}`: không mở được ({error.strerror}): kiểm tra quyền đọc tệp.") from None
    members = package.infolist()
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or total > unpacked or any(m.file_size > unpacked for m in members):
        package.close()
        raise NotReadable(
            f"`{path}` khi giải nén lớn hơn {unpacked // (1024 * 1024)} MB (tệp nén bất thường): "
            "mở bằng Word/Excel và lưu lại thành tệp mới."
        )
    return package


def read_member(package: zipfile.ZipFile, name: str, unpacked: int = MAX_UNPACKED_BYTES) -> bytes:
    """One member of a package, refused past `unpacked` bytes whatever its header claims."""
    with package.open(name) as member:
        data = member.read(unpacked + 1)
    if len(data) > unpacked:
        raise NotReadable(
            f"`{package.filename}`: phần `{name}` lớn bất thường khi giải nén: mở bằng Word/Excel và lưu lại thành tệp mới."
        )
    return data
