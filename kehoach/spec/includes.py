"""Where the files a plan includes (`schedule:`) may lie: in the plan's folder tree, never outside it.

A spec is often something a clerk received; a `schedule:` naming `/etc/…`, `../../…` or a link out
of the folder would have kehoach read, render or roll files the user never meant to hand it.
"""

from __future__ import annotations

import os


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
    root = os.path.realpath(project_folder(plan_file))
    if os.path.commonpath([root, os.path.realpath(path)]) != root:
        return None
    return path
