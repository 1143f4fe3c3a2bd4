"""The README's commands, run as a newcomer would: on a demo book, in order, with the files they name.

A README whose examples fail is the first thing a rep meets and the last thing anyone tests; this keeps every
`salescoach` line of its shell blocks working as printed.
"""

import json
import os
import re
import shlex
import sqlite3
import textwrap
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"

PACK = """\
name: my-pack
title: My pack
language: en
version: 1
extends: core
topics:
  closing:
    benefit:
      - "Next time I'll bring the figures worked out for you, {address}."
"""

DEBRIEF_ANSWERS = "\n".join(
    ["", "visit", "greeting", "family", "twins aged five", "", "", "", "", "liked it", "rate sheet", "call next week"]
    + ["progress", "warm", "1,2", "send the rate sheet", "", "+2d", "", "", "", ""]
    + ["y", "y", "n", "y", "", "y", "", "y"]  # the scorecard checklist: one answer a habit, Enter skips
)

ANSWERS = {
    ("debrief", "Lee Jiwoo"): DEBRIEF_ANSWERS + "\n",
    ("prep", "lee", "--walk"): "q\n",
    ("customer", "remove", "lee"): "n\n",
    ("restore",): "y\n",
    ("drill",): "\n3\n" * 10,
}
"""What a rep types at the prompts of the interactive examples, by the start of their arguments."""

EXPECTED_FAILURES = {("demo",): 2}
"""Examples that show a refusal: `demo` into a book that is no longer empty."""


def readme_commands() -> list[tuple[dict, list[str], str | None]]:
    """Every `salescoach` line of the README's sh blocks: (environment, arguments, file for `>`)."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            env = {}
            while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
                key, value = words.pop(0).split("=", 1)
                env[key] = os.path.expanduser(value)
            if not words or words[0] != "salescoach" or "--install-completion" in words:
                continue
            out = None
            if ">" in words:
                out, words = words[words.index(">") + 1], words[: words.index(">")]
            commands.append((env, [os.path.expanduser(word) for word in words[1:]], out))
    return commands


def matching(table: dict, args: list[str]):
    return next((value for start, value in table.items() if tuple(args[: len(start)]) == start), None)


def test_the_readme_commands_run_on_the_demo_book(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    cli("demo", "--customers", "120", "--seed", "7")
    visit = re.search(r"```yaml\n(customer: Lee Jiwoo.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    (tmp_path / "visit.yaml").write_text(visit, encoding="utf-8")
    (tmp_path / "my-pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "customers.csv").write_text("Name,Mobile,City\nChoi Yuna,010-4444-5555,Busan\n", encoding="utf-8")
    (tmp_path / "clients.csv").write_text("Client,Mobile\nHan Sora,010-6666-7777\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text("Lee Jiwoo, thank you! Last chance to lock in today's rate.\n")
    (tmp_path / "messy.csv").write_text("name,email\nJung Hana,hana@example.com\n,no-name@example.com\n")
    (tmp_path / "contacts.vcf").write_text(
        textwrap.dedent("""\
        BEGIN:VCARD
        VERSION:3.0
        FN:Oh Minseo
        TEL:010-8888-9999
        END:VCARD
        """)
    )
    cli("export", "--format", "json", "--out", "book.json")
    (tmp_path / "safe").mkdir()
    cli("backup", str(tmp_path / "safe" / "book.db"))
    due = cli.json("followup", "--limit", "0", "--days", "60")["items"]
    first = {kind: [item["id"] for item in due if item["kind"] == kind] for kind in ("followup", "promise", "date")}
    ids = {"f12": first["followup"][0], "f14": first["followup"][1], "p3": first["promise"][0], "d2": first["date"][0]}

    commands = readme_commands()
    assert len(commands) > 50
    for env, args, out in commands:
        args = [ids.get(word, word) for word in args]
        code = matching(EXPECTED_FAILURES, args) or 0
        result = cli.runner.invoke(cli.app, args, input=matching(ANSWERS, args), env=env)
        assert result.exit_code == code, f"salescoach {shlex.join(args)}: {result.exit_code}\n{result.output}"
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        if out:
            (tmp_path / out).write_text(result.stdout, encoding="utf-8")

    assert len(cli.json("customer", "list")) == 120  # the last example restored the demo book from ~/safe
    kept = next((tmp_path / "home" / "backups").glob("*before-restore*"))  # and kept the walked book
    visits = sqlite3.connect(kept).execute(
        "SELECT count(*) FROM visits JOIN customers c ON c.id = customer_id WHERE c.name = 'Lee Jiwoo'"
    )
    assert visits.fetchone()[0] >= 3  # two debriefs asked for, one from flags, one from visit.yaml
    assert json.loads((tmp_path / "book.json").read_text(encoding="utf-8"))["customers"]
