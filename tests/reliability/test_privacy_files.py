"""Every file salescoach writes is owner-only, replaced atomically, and never written through a symbolic link."""

import os
import stat
from pathlib import Path

import pytest


def _export(home: Path, tmp: Path):
    target = tmp / "book.json"
    return target, ["export", "--format", "json", "--out", str(target)]


def _ics(home: Path, tmp: Path):
    target = tmp / "followups.ics"
    return target, ["followup", "--ics", str(target)]


def _rejects(home: Path, tmp: Path):
    source = tmp / "messy.csv"
    source.write_text("name,email\nKim,kim@example.com\n,nobody@example.com\n", encoding="utf-8")
    return tmp / "messy.csv.rejected.txt", ["import", str(source), "--skip-bad"]


def _config(home: Path, tmp: Path):
    return home / "config.yaml", ["config", "set", "language", "ko"]


def _cache(home: Path, tmp: Path):
    target = home / "cache" / "playbooks" / "core.en.json"
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return target, ["prep", "Lee"]


WRITERS = {"export": _export, "ics": _ics, "rejects": _rejects, "config": _config, "cache": _cache}


@pytest.fixture(params=sorted(WRITERS))
def writer(request, cli, isolated, tmp_path):
    """(target file, the command that writes it, what a file there before may hold, whether a refusal is
    silent): the book has one customer."""
    cli("customer", "add", "Lee")
    out = tmp_path / "out"
    out.mkdir()
    target, args = WRITERS[request.param](isolated, out)
    old = "language: en\n" if request.param == "config" else "old\n"  # settings are read before they are written
    return target, args, old, request.param == "cache"  # the cache is best effort: a refused write costs only speed


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_owner_only_even_with_umask_000(cli, writer):
    target, args, _old, _silent = writer
    if target.exists():
        target.unlink()
    mask = os.umask(0)
    try:
        cli(*args)
    finally:
        os.umask(mask)
    assert target.read_bytes() and _mode(target) == 0o600


def test_an_existing_readable_file_is_replaced_owner_only(cli, writer):
    target, args, old, _silent = writer
    target.write_text(old, encoding="utf-8")
    os.chmod(target, 0o644)
    cli(*args)
    assert target.read_text(encoding="utf-8") != old and _mode(target) == 0o600
    assert [path.name for path in target.parent.iterdir() if path.name.endswith(".tmp")] == []


def test_a_symlink_target_is_refused_and_what_it_points_to_untouched(cli, writer, tmp_path):
    target, args, old, silent = writer
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(old, encoding="utf-8")
    os.chmod(elsewhere, 0o644)
    if target.exists():
        target.unlink()
    target.symlink_to(elsewhere)
    result = cli(*args, code=0 if silent else 1)
    if not silent:
        assert result.stderr.count("\n") == 1 and "symbolic link" in result.stderr
    assert target.is_symlink() and os.readlink(target) == str(elsewhere)
    assert elsewhere.read_text(encoding="utf-8") == old and _mode(elsewhere) == 0o644


def test_an_interrupted_write_leaves_the_old_file(cli, writer, monkeypatch):
    target, args, old, _silent = writer
    target.write_text(old, encoding="utf-8")

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr("salescoach.files.os.fsync", interrupted)
    cli(*args, code=130)
    assert target.read_text(encoding="utf-8") == old
    assert [path.name for path in target.parent.iterdir() if path.name.endswith(".tmp")] == []


def test_a_folder_a_pipe_or_a_missing_folder_as_target_is_one_line_exit_1(cli, tmp_path):
    cli("customer", "add", "Lee")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    for target in (tmp_path, pipe, tmp_path / "missing" / "book.json"):
        result = cli("export", "--format", "json", "--out", str(target), code=1)
        assert result.stderr.startswith(f"Error: {target}") and result.stderr.count("\n") == 1, result.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode) and sorted(path.name for path in tmp_path.iterdir()) == ["home", "pipe"]
