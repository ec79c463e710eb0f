"""Where the files a plan includes (`schedule:`) may lie: in the plan's folder tree, never outside it.

A spec is often something a clerk received; a `schedule:` naming `/etc/…`, `../../…` or a link out
of the folder would have kehoach read, render or roll files the user never meant to hand it.
"""

from __future__ import annotations

import os
import stat


def project_folder(plan_file: str) -> str:
    """The folder a plan's included files must lie in: the plan's own folder, or — for a plan kept
    in a `plans/` folder, as `kehoach init` lays them out beside `schedules/` — the folder above."""
    folder = os.path.dirname(os.path.abspath(plan_file))
    return os.path.dirname(folder) if os.path.basename(folder) == "plans" else folder


def included_path(plan_file: str, relative: str) -> str | None:
    """The file a `schedule:` value names; None when it lies outside the plan's folder tree, links
    (symbolic links) followed."""
    if os.path.isabs(relative):
        return None
    path = os.path.normpath(os.path.join(os.path.dirname(plan_file), relative))
    folder = project_folder(plan_file)
    if _plainly_below(folder, os.path.abspath(path)):
        return path
    root = os.path.realpath(folder)
    if os.path.commonpath([root, os.path.realpath(path)]) != root:
        return None
    return path


def _plainly_below(folder: str, path: str) -> bool:
    """Whether `path` is written below `folder` and each name below it is there and no link: then it
    lies in the folder wherever the folder really is, as resolving both would say, with a third of the
    system calls. Anything else (a link, a name not there, a path that cannot be looked at) is left to
    that full resolution."""
    if not path.startswith(folder + os.sep):
        return False
    below = folder
    for name in path[len(folder) + 1 :].split(os.sep):
        below += os.sep + name
        try:
            if stat.S_ISLNK(os.lstat(below).st_mode):
                return False
        except (OSError, ValueError):
            return False
    return True
