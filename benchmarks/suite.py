"""The benchmark suite: whole-process times and peak memory of the daily commands on books of several sizes.

Usage: python benchmarks/suite.py [--sizes 1000 10000 100000] [--runs 7] [--out benchmarks/results.md]

For each book size it makes a demo book, then times each command as a whole process: one warm-up, then the
median of ``--runs`` runs, with the bare interpreter (``python -c pass``) timed in the same loop so every figure
is also a ratio. Peak memory is the child's maximum resident set size. Commands write to a pipe, as in a
script; ``followup`` and ``prep`` are also timed on a pseudo-terminal, where they wrap and style their
lines (the "(terminal)" rows), which is what a rep at a terminal waits for. With taskwarrior installed
(``apt-get install taskwarrior``) it also times ``task next limit:20`` over 10,000 pending tasks with due dates,
alternating with ``salescoach followup`` on the 10,000-customer book. Results print as Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from datetime import date, timedelta
from pathlib import Path

SCRIPT = shutil.which("salescoach", path=str(Path(sys.executable).parent)) or "salescoach"
BARE = [sys.executable, "-c", "pass"]


TERMINAL = "terminal:"
"""A command prefixed with this runs with its output on a pseudo-terminal (colours, Rich), not a pipe."""


def measure(command: list[str], env: dict, cwd: str | None = None) -> tuple[float, int]:
    """Wall seconds and peak memory (KiB) of one run of ``command``."""
    stdout, reader = subprocess.DEVNULL, None
    if command[0] == TERMINAL:
        command = command[1:]
        env = {key: value for key, value in env.items() if key != "NO_COLOR"} | {"TERM": "xterm-256color"}
        controller, stdout = pty.openpty()
        reader = threading.Thread(target=_drain, args=(controller,))
        reader.start()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if reader:
        os.close(stdout)
        reader.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def _drain(controller: int) -> None:
    """Read a pseudo-terminal until it closes, so the command never blocks on a full buffer."""
    try:
        while os.read(controller, 65536):
            pass
    except OSError:
        pass
    finally:
        os.close(controller)


def compare(commands: dict[str, list[str]], runs: int, env: dict, cwd: str | None = None) -> dict[str, dict]:
    """Time all commands round-robin (so drift hits them alike): median seconds and max peak memory each."""
    for command in commands.values():
        measure(command, env, cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    memory: dict[str, int] = {name: 0 for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            seconds, peak = measure(command, env, cwd)
            times[name].append(seconds)
            memory[name] = max(memory[name], peak)
    return {name: {"median": statistics.median(times[name]), "peak_kib": memory[name]} for name in commands}


def make_book(size: int, home: Path) -> dict:
    env = {**os.environ, "SALESCOACH_HOME": str(home), "NO_COLOR": "1"}
    subprocess.run([SCRIPT, "demo", "--customers", str(size), "--seed", "7"], env=env, check=True, capture_output=True)
    subprocess.run([SCRIPT, "followup"], env=env, check=True, capture_output=True)  # warms the playbook cache
    return env


def debrief_file(folder: Path) -> Path:
    path = folder / "debrief.yaml"
    path.write_text(
        textwrap.dedent("""\
        customer: "1"
        channel: phone
        feedback: "fine"
        benefit: "rate sheet"
        opportunity: "call next week"
        outcome: progress
        tier: warm
        """),
        encoding="utf-8",
    )
    return path


def taskwarrior_book(folder: Path, count: int = 10_000) -> dict | None:
    """10,000 pending tasks with due dates around today, imported into a private taskwarrior data folder."""
    task = shutil.which("task")
    if not task:
        return None
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nnews.version=2.6.2\n")
    today = date.today()
    tasks = [
        {
            "description": f"Call customer {index}",
            "status": "pending",
            "due": (today + timedelta(days=index % 60 - 20)).strftime("%Y%m%dT090000Z"),
            "project": "book",
        }
        for index in range(count)
    ]
    source = folder / "tasks.json"
    source.write_text(json.dumps(tasks))
    env = {**os.environ, "TASKRC": str(rc), "TASKDATA": str(data)}
    subprocess.run([task, "import", str(source)], env=env, check=True, capture_output=True)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None, help="Also write the Markdown to this file.")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="salescoach-bench-"))
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" {platform.system()} {platform.release()}; median of {options.runs} runs after a warm-up.",
        "",
    ]
    lines += ["| book | command | median ms | × `python -c pass` | peak MiB |", "|---:|---|---:|---:|---:|"]
    followup_medians = {}
    try:
        for size in options.sizes:
            env = make_book(size, work / f"book-{size}")
            commands = {
                "python -c pass": BARE,
                "--help": [SCRIPT, "--help"],
                "followup": [SCRIPT, "followup"],
                "followup --json": [SCRIPT, "followup", "--json"],
                "followup (terminal)": [TERMINAL, SCRIPT, "followup"],
                "prep 1": [SCRIPT, "prep", "1"],
                "prep 1 (terminal)": [TERMINAL, SCRIPT, "prep", "1"],
                "customer list --json": [SCRIPT, "customer", "list", "--json"],
                "check": [SCRIPT, "check", "--customer", "1", "Last chance: you must sign today!"],
                "coach": [SCRIPT, "coach"],
                "drill list": [SCRIPT, "drill", "list"],
                "debrief --from-file": [SCRIPT, "debrief", "--from-file", str(debrief_file(work))],
            }
            results = compare(commands, options.runs, env)
            bare = results["python -c pass"]["median"]
            followup_medians[size] = results["followup"]["median"]
            for name, result in results.items():
                lines.append(
                    f"| {size:,} | `{name}` | {result['median'] * 1000:.1f} |"
                    f" {result['median'] / bare:.1f} | {result['peak_kib'] / 1024:.1f} |"
                )
        if len(followup_medians) > 1:
            smallest, largest = min(followup_medians), max(followup_medians)
            lines += [
                "",
                f"`followup` at {largest:,} customers vs {smallest:,}:"
                f" {followup_medians[largest] / followup_medians[smallest]:.2f}×",
            ]
        task_env = taskwarrior_book(work)
        if task_env and 10_000 in options.sizes:
            book_env = {**os.environ, "SALESCOACH_HOME": str(work / "book-10000"), "NO_COLOR": "1"}
            peer = {"task next limit:20": ["task", "next", "limit:20"]}
            ours = {"salescoach followup": [SCRIPT, "followup"]}
            times = {"task next limit:20": [], "salescoach followup": []}
            for _ in range(options.runs + 1):
                times["task next limit:20"].append(measure(peer["task next limit:20"], task_env)[0])
                times["salescoach followup"].append(measure(ours["salescoach followup"], book_env)[0])
            task_median = statistics.median(times["task next limit:20"][1:])
            ours_median = statistics.median(times["salescoach followup"][1:])
            lines += [
                "",
                "| 10,000 items | median ms |",
                "|---|---:|",
                f"| `task next limit:20` (taskwarrior) | {task_median * 1000:.1f} |",
                f"| `salescoach followup` | {ours_median * 1000:.1f} |",
                "",
                f"salescoach / taskwarrior: {ours_median / task_median:.2f}",
            ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines)
    print(report)
    if options.out:
        options.out.write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
