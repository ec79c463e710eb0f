"""Child programs (LibreOffice) that always end: each runs in its own process group, which is
terminated, then killed, whenever kehoach stops waiting for it — a timeout, an error, Ctrl+C, SIGTERM.
LibreOffice starts helper processes of its own; ending the group ends them too."""

from __future__ import annotations

import os
import signal
import subprocess

GRACE_SECONDS = 5


def start(command: list[str], **options) -> subprocess.Popen:
    if os.name == "posix":
        options["start_new_session"] = True
    else:
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    return subprocess.Popen(command, **options)


def stop(process: subprocess.Popen, grace: float = GRACE_SECONDS) -> None:
    """Terminate the process and its group; kill them if they are still there after `grace` seconds."""
    _signal_group(process, signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        pass
    # Helpers may outlive the leader: the group is killed whatever the leader did.
    _signal_group(process, getattr(signal, "SIGKILL", signal.SIGTERM))
    process.wait()


def _signal_group(process: subprocess.Popen, number: int) -> None:
    try:
        if os.name == "posix":
            os.killpg(process.pid, number)
        elif number == signal.SIGTERM:
            process.terminate()
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass  # already gone


def run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run to the end (exit code, standard error), or stop the whole group and re-raise."""
    process = start(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, errors="replace")
    try:
        _, err = process.communicate(timeout=timeout)
    except BaseException:
        stop(process)
        raise
    return process.returncode, err
