"""The one-screen prep brief: it fits a screen, leads with what matters, shows every note, and --full and --json
carry the rest."""

import json
import os
import pty
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from helpers import installed_script

NOTES = {
    "en": [
        ("family", "Her son starts university in March."),
        ("family", "2 kids, 7 & 10"),
        ("leisure", "plays golf on Saturdays"),
        ("leisure", "golf"),
        ("other", "Allergic to cats!"),
        ("need", "wants lower monthly payments"),
        ("pain", "loan interest is a real burden"),
        ("interest", "follows the stock market closely"),
        ("hometown", "grew up in Busan"),
        ("work", "just promoted to plant manager"),
        ("family", "lives with her parents"),
        ("leisure", "goes to a wine club"),
    ],
    "ko": [
        ("family", "아들 3월 대학 입학"),
        ("family", "애들 둘, 7살·10살"),
        ("leisure", "토요일마다 골프"),
        ("leisure", "골프"),
        ("other", "고양이 알레르기 있음!"),
        ("need", "월 납입금 줄이고 싶어 함"),
        ("pain", "대출 이자 부담이 큼"),
        ("interest", "주식 시장 꼼꼼히 봄"),
        ("hometown", "부산 출신"),
        ("work", "공장장으로 승진"),
        ("family", "부모님 모시고 삶"),
        ("leisure", "와인 모임 나가심"),
    ],
}
"""A dozen notes as reps write them, noted a month apart in this order (the last is the newest)."""

TODAY = date(2026, 11, 25)


def book(language: str, notes=None) -> dict:
    """A customer with a year of history: a visit a month, a dozen notes, promises open and kept, dates coming."""
    notes = NOTES[language] if notes is None else notes
    visits = [
        {
            "date": (TODAY - timedelta(days=30 * (12 - month))).isoformat(),
            "channel": "visit",
            "feedback": f"feedback of visit {month}",
            "benefit": f"benefit of visit {month}",
            "opportunity": f"opportunity of visit {month}",
            "outcome": "progress",
            "answered": ["who", "what"],
        }
        for month in range(12)
    ]
    promises = [
        {"text": "send the rate table", "made_on": "2026-11-01", "due": "2026-11-22", "visit": 11},
        {"text": "book a test drive", "made_on": "2026-11-01", "due": "2026-12-05", "visit": 11},
        {"text": "email the fee schedule", "made_on": "2026-11-01", "due": "2026-11-20", "visit": 11},
        {"text": "call the tutor", "made_on": "2026-10-01", "due": "2026-10-05", "kept_on": "2026-10-04"},
    ]
    customer = {
        "name": "Park Soyeon" if language == "en" else "박소연",
        "honorific": "Ms." if language == "en" else "사장님",
        "company": "Hanbit Logistics" if language == "en" else "한빛물류",
        "playbook": "bank",
        "tier": "warm",
        "last_contact": visits[-1]["date"],
        "visits": visits,
        "notes": [
            {"kind": kind, "text": text, "noted_on": (TODAY - timedelta(days=25 * (len(notes) - index))).isoformat()}
            for index, (kind, text) in enumerate(notes)
        ],
        "promises": promises,
        "dates": [
            {"kind": "birthday", "month": 11, "day": 30, "year": 1980, "lead_days": 3},
            {"kind": "renewal", "month": 1, "day": 15, "year": 2027, "yearly": False, "lead_days": 30},
        ],
    }
    return {"salescoach_book": 1, "customers": [customer]}


@pytest.fixture
def long_history(cli, tmp_path):
    """Imports the year-long book in a language; returns how to call prep in that language."""

    def make(language: str, notes=None) -> list[str]:
        path = tmp_path / f"book-{language}.json"
        path.write_text(json.dumps(book(language, notes), ensure_ascii=False), encoding="utf-8")
        cli("--lang", language, "import", str(path))
        return ["--lang", language, "prep", "1"]

    return make


def screen(*args: str, columns: int = 100) -> list[str]:
    """The rows the installed command prints on a real terminal ``columns`` wide (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [installed_script(), *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": str(columns)},
        cwd=Path(os.environ["SALESCOACH_HOME"]).parent,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n").splitlines()


def cells(row: str) -> int:
    from salescoach.render.page import cells as count

    return count(row)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_first_visit_fits_thirty_rows_and_a_year_of_history_forty(long_history, language):
    first = screen("--lang", language, "prep", "Lee Jiwoo")
    assert len(first) <= 30 and max(map(cells, first)) <= 100
    known = screen(*long_history(language))
    assert len(known) <= 40 and max(map(cells, known)) <= 100
    assert len(known) > 30  # it is the long brief, with every note in it
    for _kind, text in NOTES[language]:
        assert any(text in row for row in known), text


SAY = {"en": "  • Say: ", "ko": "  • 말하기: "}
DEEPEN = {"en": "  • Deepen — ", "ko": "  • 심화 — "}
ASKS = {"en": ("  • F — ", "  • B — ", "  • O — "), "ko": ("  • F — ", "  • B — ", "  • O — ")}


@pytest.mark.parametrize("columns", [80, 100])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_narrow_terminal_wraps_the_lines_to_say_and_drops_none(long_history, language, columns):
    """The opener, two deepening questions and the F, B and O all show on a first visit and on a year of history,
    at 80 columns as at 100; only the notes give way, within the same rows."""
    for args, rows in (
        (("--lang", language, "prep", "Lee Jiwoo"), 30),
        (("--lang", language, "prep", "Kim Jisoo", "--stage", "2"), 30),
        (tuple(long_history(language)), 40),
    ):
        shown = screen(*args, columns=columns)
        assert len(shown) <= rows and max(map(cells, shown)) <= columns, "\n".join(shown)
        assert sum(row.startswith(SAY[language]) for row in shown) == 1
        assert sum(row.startswith(DEEPEN[language]) for row in shown) == 2, "\n".join(shown)
        assert all(any(row.startswith(ask) for row in shown) for ask in ASKS[language])


HEADINGS = {
    "en": ("Prep: ", "What you owe", "Today's aim", "Open with", "  • If they say", "Close on", "What you know"),
    "ko": ("준비: ", "드려야 할 것", "오늘의 목표", "첫마디", "  • 고객이 ", "마무리", "알고 있는 것"),
}


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_brief_leads_with_what_matters(cli, long_history, language):
    lines = cli(*long_history(language)).stdout.splitlines()
    starts = [next(i for i, line in enumerate(lines) if line.startswith(heading)) for heading in HEADINGS[language]]
    assert starts == sorted(starts)
    owed = [line for line in lines if "p1 " in line or "p2 " in line or "p3 " in line]
    assert [line.split()[1] for line in owed] == ["p3", "p1", "p2"]  # overdue first, the most overdue at the top
    assert "5" in owed[0] and "3" in owed[1]
    fbo = next(line for line in lines if "FBO" in line)
    assert "feedback of visit 11" in fbo and "opportunity of visit 11" in fbo


def test_what_you_know_groups_by_kind_newest_first(cli, long_history):
    lines = cli(*long_history("en")).stdout.splitlines()
    known = lines[next(i for i, line in enumerate(lines) if line == "What you know") + 1 :]
    assert known[0] == "  • leisure: goes to a wine club · golf · plays golf on Saturdays"  # the newest kind first
    assert "  • family: lives with her parents · 2 kids, 7 & 10 · Her son starts university in March." in known
    assert any(line.endswith("   other: Allergic to cats!") for line in known)  # short kinds share a line


def test_past_what_fits_the_newest_of_each_kind_and_a_count_the_rest(cli, long_history):
    many = [
        (kind, f"{kind} note number {n} with a few more words to make it long")
        for n in range(6)
        for kind in ("family", "leisure", "need", "pain", "interest", "work")
    ]
    args = long_history("en", many)
    out = cli(*args).stdout
    for kind in ("family", "leisure", "need", "pain", "interest", "work"):
        assert f"{kind} note number 5 " in out  # the newest of each kind
        assert f"{kind} note number 4 " not in out
    assert out.count("(and 5 more)") == 6
    assert len(screen(*args)) <= 40
    full = cli(*args, "--full").stdout
    assert all(text in full for _kind, text in many)  # --full shows them all
    known = cli.json(*args[2:])["known"]
    assert sorted(note["text"] for group in known for note in group["notes"]) == sorted(text for _k, text in many)


def test_full_prints_the_whole_method_reference(cli, long_history):
    args = long_history("en")
    full = cli(*args, "--full").stdout
    brief = cli.json(*args[2:])
    questions = brief["questions"]
    assert len(questions) == 6 and all(question["question"] in full for question in questions)
    reference = [item["text"] for section in brief["plan"] + brief["tactics"] for item in section["items"]]
    assert len(reference) > 30 and all(text in full for text in reference)  # every line of the method is there
    assert all(item["text"] in full for item in brief["checklist"])
    for part in (
        "The six questions they will silently ask",
        "Visit plan",
        "Greeting",
        "Deepening",
        "Closing (FBO)",
        "Follow-up",
        "Next step",
        "Stage 3 tactics",  # the customer shared a pain point
        "Communication checklist",
        "What you owe",
        "What you know",
    ):
        assert part in full, part
    assert all(text in full for _kind, text in NOTES["en"])
    assert "Stage 1 tactics" in cli("prep", "Lee Jiwoo", "--full").stdout


def test_json_carries_everything_in_its_documented_shape(cli, long_history):
    brief = cli.json(*long_history("en")[2:])
    assert list(brief) == [
        "header",
        "agenda",
        "questions",
        "plan",
        "tactics",
        "promises",
        "last_fbo",
        "commonalities",
        "checklist",
        "next_step",
        "save_command",
        "aim",
        "opener",
        "deepen",
        "close",
        "refusal",
        "known",
        "habit",
    ]
    assert set(brief["aim"]) == {"stage", "title", "goal", "open_questions", "why_now"}
    assert [q["id"] for q in brief["aim"]["open_questions"]] == ["relevance", "trust", "choose", "now"]
    assert set(brief["opener"]) == {"line", "cue", "reason_label", "reason_line"}
    assert [p["area"] for p in brief["deepen"]] == ["family", "work"]
    assert [ask["label"] for ask in brief["close"]] == ["fbo_feedback", "fbo_benefit", "fbo_opportunity"]
    assert set(brief["refusal"]) == {"id", "label", "lever", "lever_title", "answer"}
    notes = [note for group in brief["known"] for note in group["notes"]]
    assert len(notes) == 12 and set(notes[0]) == {"id", "text", "noted_on"}
    assert [p["id"] for p in brief["promises"]] == [3, 1, 2]


def test_why_now_is_a_dated_business_reason_never_a_birthday(cli, long_history):
    brief = cli.json(*long_history("en")[2:])
    assert brief["aim"]["why_now"] == "maturity (2027-01-15)"  # the bank pack's renewal; the birthday is nearer
    now = next(q for q in brief["questions"] if q["id"] == "now")
    assert "birthday" not in now["lines"][0] and "maturity" in now["lines"][0]
    cli("customer", "add", "Only Birthday")
    cli("customer", "date", "Only Birthday", "birthday", "11-27")
    only = cli.json("prep", "Only Birthday")
    assert only["aim"]["why_now"] is None
    assert "birthday" not in json.dumps(only["questions"])


def test_interest_does_not_borrow_a_hobby(cli):
    cli("customer", "add", "Golf Kim")
    cli("customer", "note", "Golf Kim", "leisure", "plays golf on Saturdays")
    brief = cli.json("prep", "Golf Kim")
    what = next(q for q in brief["questions"] if q["id"] == "what")
    assert all(item["label"] != "interest" for item in what["material"])
    assert "Still enjoying plays golf" not in json.dumps(brief)
    assert brief["opener"]["cue"] == "plays golf on Saturdays"


def test_the_close_offers_this_visit_not_last_visit_again(cli, long_history):
    brief = cli.json(*long_history("en")[2:])
    said = " ".join(ask["text"] for ask in brief["close"])
    assert "visit 11" not in said
    closing = next(section for section in brief["plan"] if section["key"] == "closing")
    assert "visit 11" not in json.dumps(closing)
    assert brief["last_fbo"]["benefit"] == "benefit of visit 11"  # still shown, as what was promised


@pytest.mark.parametrize(("language", "known_greeting"), [("en", "How have you been"), ("ko", "잘 지내셨어요")])
def test_a_stranger_is_greeted_as_one(cli, language, known_greeting):
    for args in (["prep", "New Face"], ["prep", "New Face", "--full"], ["prep", "New Face", "--json"]):
        assert known_greeting not in cli("--lang", language, *args).stdout
    cli("customer", "add", "Known Face")
    cli("debrief", "Known Face", "--no-input", "--channel", "visit", "--feedback", "fine")
    assert known_greeting in cli("--lang", language, "prep", "Known Face", "--full").stdout


def test_walk_still_goes_phase_by_phase(cli, long_history):
    out = cli(*long_history("en"), "--walk", input="\n\nq\n").stdout
    assert "1/4" in out and "2/4" in out and "3/4" in out and "nothing was saved" in out
    greeting = out[: out.index("2/4")]
    assert 'If they say "I already have a bank."' in greeting
    # the walk opens as the brief does, one opener for one visit, its note set off once beside it ("Remember")
    brief = cli.json(*long_history("en")[2:])
    assert f"Open with: {brief['opener']['line']}" in greeting
    assert greeting.count("Remember:") == 1 and f"Remember: {brief['opener']['cue']}" in greeting
    assert "(Your note:" not in greeting


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_raw_note_is_set_off_never_spliced_into_a_line_to_say(cli, long_history, language):
    args = long_history(language)
    brief = cli.json(*args[2:])
    said = [brief["opener"]["line"], *(p["line"] for p in brief["deepen"]), *(a["text"] for a in brief["close"])]
    for _kind, text in NOTES[language]:
        assert not any(text in line for line in said), text
    assert brief["opener"]["cue"] == NOTES[language][-1][1]  # the newest personal note, as a cue
    out = cli(*args).stdout
    assert f"  • {'Remember' if language == 'en' else '기억할 것'}: {NOTES[language][-1][1]}\n" in out


def test_no_english_word_in_the_korean_brief(cli, long_history):
    args = long_history("ko")
    record = book("ko")["customers"][0]
    typed = [p["text"] for p in record["promises"]] + [
        visit[part] for visit in record["visits"] for part in ("feedback", "benefit", "opportunity")
    ]
    for out in (cli(*args).stdout, cli(*args, "--full").stdout):
        for text in sorted(typed, key=len, reverse=True):
            out = out.replace(text, "")
        out = re.sub(r"‹\w+›", "", out)  # a blank names the fact to record, by its placeholder
        english = set(re.findall(r"[A-Za-z]{2,}", out)) - {"salescoach", "prep", "full", "FBO", "bank"}
        assert not english, english


def test_notes_sharing_a_line_are_still_printed_inert(cli):
    cli("customer", "add", "Kim")
    cli("customer", "note", "Kim", "family", "twins \x1b[31m")
    cli("customer", "note", "Kim", "other", "cats \u202e!")
    out = cli("prep", "Kim").stdout
    known = out[out.index("What you know") :]
    assert "other: cats \\u202e!   family: twins \\x1b[31m" in known  # one line, escapes shown, not obeyed
    assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.parametrize("language", ["en", "ko"])
def test_notes_taken_before_any_contact_do_not_make_a_stranger_known(cli, language):
    lang = ("--lang", language)
    cli(*lang, "customer", "add", "Park Soyeon", "--honorific", "Ms." if language == "en" else "과장님")
    cli(*lang, "customer", "note", "Park Soyeon", "family", "Her son starts university in March.")
    brief = cli.json(*lang, "prep", "Park Soyeon")
    first = load_first_visit_lines(language)
    assert any(brief["opener"]["line"].startswith(line.split("{")[0]) for line in first), brief["opener"]["line"]
    assert brief["opener"]["cue"] == "Her son starts university in March."


def load_first_visit_lines(language: str) -> list[str]:
    from salescoach.paths import locations
    from salescoach.playbook.loader import load

    return load("core", language, locations())["topics"]["greeting"]["first_visit"]
