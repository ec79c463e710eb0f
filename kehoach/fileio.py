"""Write files so that a failure never leaves a half-written or clobbered file behind."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from typing import Iterator


DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(name: str) -> str:
    """A file the package ships in kehoach/data (read with plain open: importlib.resources
    costs a pathlib import that checking does not otherwise need)."""
    return os.path.join(DATA, name)


def load_data(name: str):
    """A YAML file the package ships (trusted, so loaded plainly, with libyaml where it is built in)."""
    import yaml

    with open(data_path(name), encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(path: str) -> Iterator[str]:
    """Yield a temporary path beside `path`; when the block succeeds, rename it over `path`.

    The temporary file gets the permissions of an ordinary new file (mkstemp makes private ones).
    """
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    suffix = os.path.splitext(path)[1]
    fd, tmp = tempfile.mkstemp(prefix=".kehoach-", suffix=suffix, dir=directory)
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
