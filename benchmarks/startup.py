"""How fast salescoach starts, as a ratio to a bare Python interpreter measured in the same run.

Usage: python benchmarks/startup.py [--runs 9]

Runs each command as a whole process (what a rep waits for), after one warm-up, and prints a Markdown table of
median wall times and their ratio to ``python -c pass``. Absolute times vary between machines and moments;
ratios measured together do not vary much.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def median_seconds(command: list[str], runs: int, env: dict) -> float:
    subprocess.run(command, env=env, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    options = parser.parse_args()
    script = shutil.which("salescoach", path=str(Path(sys.executable).parent)) or "salescoach"
    home = tempfile.mkdtemp(prefix="salescoach-bench-")
    env = {**os.environ, "SALESCOACH_HOME": home, "NO_COLOR": "1"}
    subprocess.run([script, "customer", "add", "Lee Jiwoo", "--tier", "warm"], env=env, capture_output=True)
    subprocess.run([script, "followup"], env=env, capture_output=True)  # builds the playbook cache
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "salescoach --help": [script, "--help"],
        "salescoach customer list": [script, "customer", "list"],
        "salescoach followup": [script, "followup"],
        "salescoach prep 'Lee Jiwoo'": [script, "prep", "Lee Jiwoo"],
    }
    results = {name: median_seconds(command, options.runs, env) for name, command in commands.items()}
    bare = results["python -c pass"]
    print("| command | median ms | × python -c pass |\n|---|---:|---:|")
    for name, seconds in results.items():
        print(f"| `{name}` | {seconds * 1000:.1f} | {seconds / bare:.1f} |")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
