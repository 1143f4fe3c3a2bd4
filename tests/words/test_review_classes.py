"""The classes of line a read-aloud review found a rep would not say, each held so it cannot come back: a cue of the
wrong kind, a care call that pitches, a to-do read aloud, one Benefit for everyone, a blank for the rep's own
profile, an English pack name in Korean, the six questions named two ways, Korean a rep would not say."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from test_lines_read_well import PLAYBOOKS

from salescoach.core.agenda import CustomerContext, followup_script, reconnect_reason
from salescoach.core.brief import build_brief
from salescoach.core.records import Customer, CustomerFile, Followup, Note, Profile, Visit
from salescoach.core.vocabulary import FOLLOWUP_TYPES, NOTE_KINDS, QUESTIONS
from salescoach.paths import locations
from salescoach.playbook.loader import load

LANGUAGES = ("en", "ko")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_six_questions_are_named_the_same_in_every_pack(language):
    core = load("core", language, locations())["questions"]
    for name in PLAYBOOKS:
        questions = load(name, language, locations())["questions"]
        assert {key: questions[key]["question"] for key in QUESTIONS} == {
            key: core[key]["question"] for key in QUESTIONS
        }, name


@pytest.mark.parametrize(("language", "now", "title"), [("en", "Why should I buy now?", "Relationship banking"),
                                                         ("ko", "왜 지금 사야 합니까?", "관계 금융")])  # fmt: skip
def test_prep_names_the_pack_by_its_title_and_the_questions_as_the_method_does(cli, language, now, title):
    cli("customer", "add", "Park Soyeon", "--playbook", "bank")
    full = cli("--lang", language, "prep", "Park Soyeon", "--full").stdout
    header = full.splitlines()[1]
    assert header.endswith(title)
    assert now in full
    short = cli("--lang", language, "prep", "Park Soyeon").stdout
    assert now in short  # "Still open" names them the same way


DAY = date(2026, 11, 25)
LINE_KINDS = {
    "personal": {"family", "leisure", "work"},
    "family": {"family"},
    "work": {"work"},
    "leisure": {"leisure"},
    "information": {"interest"},
    "what": {"need"},
    "relevance": {"need", "pain"},
    "choose": {"family", "leisure", "work"},
    "now": {"need"},
    "who": set(),
    "trust": set(),
    "help": {"need"},
    "info": {"need", "interest"},
}
"""The note kinds a line of each place may show as its cue: a work question beside a work note, a check-in beside
something in their life, never "Allergic to cats!" or a pain."""


def one_of_each(spoken: str) -> CustomerFile:
    """A customer met once, with a note of every kind: ``spoken`` the oldest, with a phrase for speaking, and every
    other kind noted after it, so a line that took "the latest note" would show a note of another kind."""
    customer = Customer(1, "Park Soyeon", "Ms.", "Hanbit Logistics", tier="warm", last_contact=DAY)
    kinds = [spoken, *(kind for kind in NOTE_KINDS if kind != spoken)]
    notes = tuple(
        Note(index, 1, kind, f"«{kind}»", DAY - timedelta(days=len(kinds) - index), f"‹say {kind}›" * (kind == spoken))
        for index, kind in enumerate(kinds)
    )
    return CustomerFile(customer, notes, (Visit(1, 1, DAY - timedelta(days=40), "visit"),))


def cued(line: str) -> set[str]:
    return {kind for kind in NOTE_KINDS if f"«{kind}»" in line}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_note_is_cued_only_beside_a_line_of_its_kind(name, language):
    playbook = load(name, language, locations())
    areas = {area["topic"]: key for key, area in playbook["topics"]["deepening"]["areas"].items()}
    bad = []
    for spoken in NOTE_KINDS:
        book = one_of_each(spoken)
        brief = build_brief(playbook, book.customer.name, book, Profile(), DAY)
        context = CustomerContext(book.customer, playbook, book.notes, book.visits[-1])
        lines = [
            *((areas[item.label], item.text) for item in brief.plan[1].items),
            ("personal", brief.plan[0].items[0].text),
            *((question.id, line) for question in brief.questions for line in question.lines),
            ("personal", brief.next_step.script),
            ("personal", reconnect_reason(context, Profile())),
            *(
                ("personal" if type_ in ("care", "unfinished") else type_, followup_script(
                    Followup(1, 1, DAY, "phone", type_), context, Profile())
                )
                for type_ in FOLLOWUP_TYPES
            ),
        ]  # fmt: skip
        bad += [f"{place}: {line}" for place, line in lines if cued(line) - LINE_KINDS[place]]
        opener = brief.opener
        if f"‹say {spoken}›" in opener.line:
            if opener.cue != f"«{spoken}»":
                bad.append(f"opener: {opener.line} / {opener.cue}")
    assert not bad, "\n".join(bad[:20])
