"""Eight processes writing at once: every write lands and nobody sees "database is locked"."""

import json
import subprocess
from concurrent.futures import ThreadPoolExecutor

WRITERS = 8


def test_parallel_debriefs_and_followups_all_land(run):
    for index in range(WRITERS):
        assert run("customer", "add", f"Customer {index}").returncode == 0
        assert run("followup", "add", f"Customer {index}", "--on", "today").returncode == 0

    def work(index: int) -> list[subprocess.CompletedProcess]:
        results = [run("followup", "done", f"f{index + 1}", "--no-next")]
        for round_ in range(3):
            results.append(
                run(
                    "debrief",
                    f"Customer {index}",
                    "--no-input",
                    "--channel",
                    "phone",
                    "--feedback",
                    f"round {round_}",
                    "--promise",
                    f"call back {round_}@+2d",
                )
            )
        return results

    with ThreadPoolExecutor(WRITERS) as pool:
        results = [result for batch in pool.map(work, range(WRITERS)) for result in batch]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr
    for index in range(WRITERS):
        history = json.loads(run("history", f"Customer {index}", "--json").stdout)
        assert [e["kind"] for e in history["events"]].count("visit") == 3
        assert [e["kind"] for e in history["events"]].count("promise") == 3
