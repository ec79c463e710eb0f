"""A text input is read to its end and bounded even when it grows between stat() and read()."""

from __future__ import annotations

import pytest

from kehoach import inputfiles


def _grown(monkeypatch, size_at_stat: int) -> None:
    """Make the file look `size_at_stat` bytes long when stat() runs, as if it grew afterwards."""
    monkeypatch.setattr(inputfiles, "regular_file", lambda path, limit: size_at_stat)


def test_a_file_that_grew_after_stat_is_read_whole(tmp_path, monkeypatch):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"subject: K\xe1\xba\xbf ho\xe1\xba\xa1ch\n" * 50)
    _grown(monkeypatch, 10)
    assert inputfiles.read_bytes(str(path)) == path.read_bytes()


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"x" * 101)
    _grown(monkeypatch, 10)
    with pytest.raises(inputfiles.TooLarge):
        inputfiles.read_bytes(str(path), limit=100)


def test_a_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"x" * 100)
    assert inputfiles.read_bytes(str(path), limit=100) == b"x" * 100
