"""The one family of errors a user can cause and fix: each message is a whole Vietnamese sentence
that says what went wrong and what to do. The command line catches `UserError` once and exits 2;
any other exception is a bug in kehoach.

Problems *inside* a spec are not errors but diagnostics (kehoach.diagnostics): they are collected and
reported together. A `UserError` is for "this command cannot run": a missing program, an output that
would overwrite an input, an unusable template, a file that is not what the command reads.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; `str()` is the message to print."""

    exit_code = 2


class OutputConflict(UserError):
    """An output would overwrite an input, another output of the same call, or an existing file."""


class UnsafePath(UserError):
    """A path leads outside the folder the command may read or write."""


class NotReadable(UserError):
    """An input is not a file the command can read (a folder, a device, too large, a zip bomb)."""


class NotWritable(UserError):
    """An output cannot be written: a full disk, a read-only folder, a file where a folder should be."""


class OutOfMemory(UserError):
    """The machine ran out of memory doing what was asked."""


class TemplateError(UserError):
    """A Word template that kehoach cannot fill."""


class ToolMissing(UserError):
    """A program kehoach needs (LibreOffice) is not installed or failed."""


class ConversionFailed(UserError):
    """A conversion (to PDF, from Word or Excel) could not be done for a reason outside kehoach."""
