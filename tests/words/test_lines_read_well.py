"""Every line of every shipped playbook, filled with the corpus of real notes, reads as something a rep would say:
no doubled punctuation, no ‹blank› where the fact is recorded, the rep's raw note never inside a sentence, and no
English word in Korean output. Then the same through prep, followup and history, in both languages."""

from __future__ import annotations

import re

import pytest
from corpus import ENGLISH, KOREAN

from salescoach.core.details import honour_family
from salescoach.paths import locations
from salescoach.playbook.loader import load
from salescoach.playbook.template import FREE_TEXT, SPOKEN, fill_best

PLAYBOOKS = ("core", "auto", "bank", "insurance", "real_estate")
TEMPLATE_KEYS = {
    "prompts", "identity", "relationship", "benefit", "neutral_phrases", "line", "lines", "with_detail",
    "feedback", "opportunity", "templates", "promise", "promise_late", "noted", "own_note", "repair",
}  # fmt: skip
SAFE = {
    "en": {
        "name": "Park Soyeon", "address": "Ms. Park", "honorific": "Ms.", "family_name": "Park",
        "company": "Daehan Logistics", "city": "Suwon", "rep": "Kim Minsu", "rep_company": "Hanbit Motors",
        "rep_title": "senior adviser", "last_visit": "2026-11-20",
    },
    "ko": {
        "name": "이서연", "address": "이서연 사장님", "honorific": "사장님", "family_name": "이",
        "company": "한빛물류", "city": "수원", "rep": "김민수", "rep_company": "한빛자동차",
        "rep_title": "과장", "last_visit": "2026-11-20",
    },
}  # fmt: skip
CORPUS = {"en": ENGLISH, "ko": KOREAN}
DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|[!?]\.|\.[!?,]|[!?,],|,[.!?]|\s[.,!?]")
SET_OFF_BEFORE = re.compile(r"(^|[:：] |\s[—–-] |[\"“‘'「(])$")
SET_OFF_AFTER = re.compile(r"^($|\)|\. |[\"”’'」]|\s[—–-]\s)")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
COMMAND = re.compile(r"`?salescoach [^`]*`?")
ALLOWED_IN_KOREAN = {"FBO", "RFM", "VIP", "SMS"}


def templates(value, key=None):
    """Every playbook line that is filled for a customer."""
    if isinstance(value, dict):
        for name, item in value.items():
            yield from templates(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from templates(item, key)
    elif isinstance(value, str) and key in TEMPLATE_KEYS:
        yield value


def values_for(language: str, raw: str, say: str | None, family: dict) -> dict:
    """Every fact recorded, all from one note (the hardest case for each line), each marked so a check can tell the
    rep's raw words and their speaking phrase from the playbook's own text."""
    phrase = f"\x03{honour_family(say, family)}\x04" if say else None
    return {
        **SAFE[language],
        **dict.fromkeys(FREE_TEXT, f"\x01{raw}\x02"),
        **{f"{name}.say": phrase for name in SPOKEN},
    }


def marked(line: str) -> str:
    """The line with each raw note as X (keeping its own end punctuation) and each phrase as Y."""
    line = re.sub(r"\x01[^\x02]*?([.!?]?)\x02", r"X\1", line)
    return re.sub(r"\x03[^\x04]*\x04", "Y", line)


def problems(line: str, language: str) -> list[str]:
    found = []
    if "‹" in line:
        found.append("a blank where the fact is recorded")
    for match in re.finditer(r"\x01([^\x02]*)\x02", line):
        before, after = marked(line[: match.start()]), marked(line[match.end() :])
        ends_itself = match.group(1)[-1:] in (".", "!", "?")
        if not (SET_OFF_BEFORE.search(before) and (SET_OFF_AFTER.match(after) or ends_itself)):
            found.append("the raw note inside a sentence")
    plain = marked(line)
    if DOUBLED.search(plain):
        found.append("doubled or loose punctuation")
    if language == "ko":
        english = set(LATIN_WORD.findall(plain)) - ALLOWED_IN_KOREAN
        if english:
            found.append(f"English in Korean: {sorted(english)}")
    return found


@pytest.mark.parametrize("language", ("en", "ko"))
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_every_line_reads_well_with_every_note(name, language):
    playbook = load(name, language, locations())
    family = playbook["address"].get("family", {})
    lines = list(templates(playbook))
    assert len(lines) > 100
    bad = []
    for _, raw, say in CORPUS[language]:
        values = values_for(language, raw, say, family)
        without_phrase = {**values, **{f"{field}.say": None for field in SPOKEN}}
        for template in lines:
            for filled in {fill_best([template, ""], values), fill_best([template, ""], without_phrase)} - {""}:
                bad += [f"{problem}: {marked(filled)!r}" for problem in problems(filled, language)]
    assert not bad, f"{len(bad)} bad lines, for example:\n" + "\n".join(sorted(set(bad))[:20])


@pytest.mark.parametrize(
    ("line", "language", "problem"),
    [
        ("Remember: \x01Allergic to cats!\x02.", "en", "doubled or loose punctuation"),
        ("How is \x01golf\x02?", "en", "the raw note inside a sentence"),
        ("\x01가족용 큰 차가 필요\x02 때문이라면", "ko", "the raw note inside a sentence"),
        ("Good to see you, ‹address›.", "en", "a blank where the fact is recorded"),
        ("tier hot · 방문", "ko", "English in Korean: ['hot', 'tier']"),
    ],
)
def test_the_checks_catch_what_they_should(line, language, problem):
    assert problem in problems(line, language)
    assert not problems("이서연 사장님, 잘 지내시지요? (메모: \x01부모님 모시고 삶\x02)", "ko")


def test_the_corpus_has_what_reps_write():
    for notes in (ENGLISH, KOREAN):
        assert len(notes) >= 40
        assert sum(raw[-1] in ".!?" for _, raw, _ in notes) >= 5  # whole sentences with their own punctuation
        assert sum(any(ch.isdigit() for ch in raw) for _, raw, _ in notes) >= 5  # fragments with numbers
        assert sum(say is None for _, _, say in notes) >= 4  # only the raw note
    assert sum(re.search(r"(함|음|심|중)[.!]?$", raw) is not None for _, raw, _ in KOREAN) >= 6  # memo endings
    assert {raw for _, raw, _ in KOREAN} >= {"아들", "부모님 모시고 삶"}


def cli_lines(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.strip()]


BOOK = {
    "en": (("Park Soyeon", "Ms."), ("Choi Minho", "Mr."), ("Anna Schmidt", "Dr.")),
    "ko": (("이서연", "사장님"), ("최민호", "과장"), ("남궁민수", None)),
}


@pytest.mark.parametrize("language", ("en", "ko"))
def test_prep_followup_and_history_read_well(cli, language):
    notes = CORPUS[language]
    lang = ("--lang", language)
    rep = SAFE[language]
    cli("profile", "set", "--name", rep["rep"], "--company", rep["rep_company"], "--title", rep["rep_title"])
    for index, ((name, honorific), pack) in enumerate(zip(BOOK[language], ("core", "bank", "auto"), strict=True)):
        extra = ("--honorific", honorific) if honorific else ()
        cli(*lang, "customer", "add", name, "--playbook", pack, "--tier", "warm", *extra)
        for kind, raw, say in notes[index::3][:9]:
            cli(*lang, "customer", "note", name, kind, raw, *(("--say", say) if say else ()))
        for type_, (_, raw, _) in zip(("unfinished", "help", "info", "care"), notes[index + 20 :], strict=False):
            cli(*lang, "followup", "add", name, "--on", "today", "--type", type_, "--note", raw)
    outputs = []
    for name, _ in BOOK[language]:
        outputs += [cli(*lang, "prep", name).stdout, cli(*lang, "history", name).stdout]
    outputs.append(cli(*lang, "followup", "--days", "7", "--limit", "0").stdout)
    raws = sorted({text for _, raw, say in notes for text in (raw, say) if text}, key=len, reverse=True)
    bad = []
    for out in outputs:
        for line in cli_lines(out):
            marked = line
            for raw in raws:
                marked = marked.replace(raw, "X" + (raw[-1] if raw[-1] in ".!?" else ""))
            if "‹" in line:
                bad.append(f"blank: {line}")
            if DOUBLED.search(marked.replace("...", "…")):
                bad.append(f"punctuation: {line}")
            if language == "ko":
                prose = COMMAND.sub("", marked)  # a command to type stays as typed
                english = set(LATIN_WORD.findall(prose)) - ALLOWED_IN_KOREAN - {"core", "bank", "auto"}
                if english:
                    bad.append(f"English {sorted(english)}: {line}")
    assert not bad, "\n".join(bad[:30])
