"""click's own messages — usage, missing options, unknown commands, help headings — in Vietnamese.

click translates through `gettext`, bound as `_` and `ngettext` in each of its modules. Installing a
catalogue in gettext's global domain would change every library's messages in the process and depend
on the user's locale variables; instead each click module's two names are pointed at this table. A
message not in the table stays as click wrote it.
"""

from __future__ import annotations

MESSAGES = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "Aborted!": "Đã dừng.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Missing command.": "Thiếu tên lệnh: gõ `kehoach --help` để xem các lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Did you mean {possibility}?": "Có phải {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải một trong: {possibilities}?)",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "argument": "đối số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args}): kiểm tra lại dòng lệnh",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args}): kiểm tra lại dòng lệnh",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} nhận {nargs} giá trị.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải một số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} không phải đúng/sai. Các giá trị nhận: {states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không có.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được (thiếu quyền).",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được (thiếu quyền).",
    "file": "Tệp",
    "directory": "Thư mục",
    "path": "Đường dẫn",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
}


def translate(message: str) -> str:
    return MESSAGES.get(message, message)


def translate_plural(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def install() -> None:
    from click import core, decorators, exceptions, formatting, parser, types

    for module in (core, decorators, exceptions, formatting, parser, types):
        if hasattr(module, "_"):
            module._ = translate
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural
