"""A real interactive debrief in a pseudo-terminal, interrupted at every prompt: the store stays as it was.
The yes/no questions (remove, restore) too."""

import os
import select
import signal
import time

import pytest

from helpers import spawn_in_pty

ANSWERS = ["", "visit", "greeting", "", "rates", "", "liked it", "rates", "coffee", "none", "warm", "1", "", "", "", ""]


def read_until_quiet(fd: int, quiet: float = 0.4, limit: float = 20.0) -> bytes:
    """Read what the program prints until it has been silent for ``quiet`` seconds (it waits at a prompt)."""
    data, deadline = b"", time.monotonic() + limit
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            if data:
                return data
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk
    return data


def interrupt_in_pty(stop_at: int, how: str, command: tuple = ("debrief", "Lee Jiwoo")):
    """Run ``command`` in a pseudo-terminal, give the first ``stop_at`` answers, then Ctrl-C or Ctrl-D."""
    leader, process = spawn_in_pty(*command)
    output = b""
    try:
        for answer in ANSWERS[:stop_at]:
            output += read_until_quiet(leader)
            os.write(leader, answer.encode() + b"\r")
        output += read_until_quiet(leader)
        if how == "sigint":
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.write(leader, b"\x04")  # Ctrl-D: end of input
        code = process.wait(timeout=30)
        output += read_until_quiet(leader, quiet=0.2, limit=2)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    return code, output.decode("utf-8", "replace")


@pytest.mark.parametrize("stop_at", range(len(ANSWERS)))
def test_sigint_at_every_prompt_leaves_the_store_unchanged(run, isolated, dump, stop_at):
    assert run("customer", "add", "Lee Jiwoo", "--tier", "warm").returncode == 0
    before = dump(isolated / "salescoach.db")
    code, output = interrupt_in_pty(stop_at, "sigint")
    assert code == 130, output
    assert "interrupted; nothing was saved" in output
    assert "Traceback" not in output
    assert dump(isolated / "salescoach.db") == before


@pytest.mark.parametrize("stop_at", [0, 4, 9])
def test_end_of_input_leaves_the_store_unchanged(run, isolated, dump, stop_at):
    assert run("customer", "add", "Lee Jiwoo").returncode == 0
    before = dump(isolated / "salescoach.db")
    code, output = interrupt_in_pty(stop_at, "eof")
    assert code == 1, output
    assert "nothing was saved" in output and "Traceback" not in output
    assert dump(isolated / "salescoach.db") == before


@pytest.mark.parametrize(("how", "code", "says"), [("sigint", 130, "interrupted"), ("eof", 1, "input ended")])
def test_a_yes_no_question_interrupted_changes_nothing(run, isolated, dump, how, code, says):
    assert run("customer", "add", "Lee Jiwoo").returncode == 0
    before = dump(isolated / "salescoach.db")
    exit_code, output = interrupt_in_pty(0, how, ("customer", "remove", "Lee Jiwoo"))
    assert exit_code == code, output
    assert says in output and "nothing was saved" in output
    assert "Aborted" not in output and "Traceback" not in output
    assert dump(isolated / "salescoach.db") == before
