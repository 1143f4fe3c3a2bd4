"""The prep sheet as the read-aloud review heard it (§2, §6, §7, §8, §13), each class held in every pack and both
languages: one opener and one next step for one visit, no raw note inside a line to say, a stranger not asked how
everyone is, a known fact not asked for again, spliced phrases in sentences that read with any noun phrase, and no
line that invents a fact (a weakness, a rate change, a date in nested brackets)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from test_lines_read_well import PLAYBOOKS

from salescoach.core.brief import build_brief
from salescoach.core.records import Customer, CustomerFile, Note, Profile, Visit
from salescoach.paths import locations
from salescoach.playbook.loader import load
from salescoach.playbook.template import fill_best

LANGUAGES = ("en", "ko")
DAY = date(2026, 11, 25)
SET_OFF = re.compile(r"\((Your note|메모):")


def customer_file(notes=(), met=True) -> CustomerFile:
    customer = Customer(1, "Park Soyeon", "Ms.", "Hanbit Logistics", tier="warm", last_contact=DAY if met else None)
    visits = (Visit(1, 1, DAY - timedelta(days=30), "visit"),) if met else ()
    return CustomerFile(customer, tuple(notes), visits)


def note(index: int, kind: str, text: str, say: str | None = None) -> Note:
    return Note(index, 1, kind, text, DAY - timedelta(days=10 - index), say)


RAW = [
    note(1, "family", "«kids 7 & 10»"),
    note(2, "work", "«runs 3 rental units»"),
    note(3, "leisure", "«golf»"),
    note(4, "need", "«lower payments»"),
    note(5, "pain", "«loan interest»"),
    note(6, "interest", "«markets»"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_full_sheet_says_the_briefs_lines_and_splices_no_raw_note(name, language):
    """--full opens with the brief's opener and asks its deepening questions; every line to say in it (the six
    questions, the plan) is free of a raw note, which stands beside it as a cue."""
    playbook = load(name, language, locations())
    brief = build_brief(playbook, "Park Soyeon", customer_file(RAW), Profile(), DAY)
    greeting, deepening = brief.plan[0].items, brief.plan[1].items
    assert greeting[0].text == brief.opener.line
    assert [item.text for item in greeting[1:2]] == [brief.opener.cue]
    asked = [item.text.split(" — ", 1)[1] for item in deepening if item.label != "remember"]
    assert asked[: len(brief.deepen)] == [prompt.line for prompt in brief.deepen]
    said = [line for question in brief.questions for line in question.lines]
    said += [item.text for section in brief.plan for item in section.items if item.label != "remember"]
    assert not [line for line in said if "«" in line or SET_OFF.search(line)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_reason_to_choose_the_rep_is_never_a_hobby(name, language):
    playbook = load(name, language, locations())
    golf = note(1, "leisure", "golf", "‹your Saturday golf›")
    brief = build_brief(playbook, "Park Soyeon", customer_file([golf]), Profile(), DAY)
    assert not [line for question in brief.questions for line in question.lines if "‹" in line]
    family = note(2, "family", "son to uni", "‹your son starting university›")
    brief = build_brief(playbook, "Park Soyeon", customer_file([golf, family]), Profile(), DAY)
    choose = next(question for question in brief.questions if question.id == "choose")
    assert "‹your son starting university›" in choose.lines[0]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_who_are_you_is_no_stranger_greeting_for_a_customer_met(name, language):
    playbook = load(name, language, locations())
    stranger = {"en": "Good to meet you", "ko": "반갑습니다"}[language]

    def who(book) -> str:
        brief = build_brief(playbook, "Park Soyeon", book, Profile(), DAY)
        return next(question.lines[0] for question in brief.questions if question.id == "who")

    assert stranger in who(None) and stranger in who(customer_file(met=False))
    assert stranger not in who(customer_file())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_stranger_is_not_asked_how_everyone_is(name, language):
    playbook = load(name, language, locations())
    presumes = {"en": r"everyone|how is the family", "ko": r"다들|요즘 어떻게 지내|잘 지내시"}[language]
    for book in (None, customer_file(met=False)):
        brief = build_brief(playbook, "Han Jimin", book, Profile(), DAY)
        lines = [prompt.line for prompt in brief.deepen] + [item.text for item in brief.plan[1].items]
        assert not [line for line in lines if re.search(presumes, line, re.IGNORECASE)], name


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_work_note_is_spoken_of_not_asked_for(name, language):
    """With a phrase, the work question speaks of it; without one, it is the line written to stand beside the
    note, with the note as its cue; never "where do you work?" with the answer on screen."""
    playbook = load(name, language, locations())
    asks = {"en": r"where do you work|what do you do", "ko": r"직장은 어디"}[language]
    spoken = build_brief(
        playbook, "Park", customer_file([note(1, "work", "3 rentals", "‹your rentals›")]), Profile(), DAY
    )
    work = next(prompt for prompt in spoken.deepen if prompt.area == "work")
    assert "‹your rentals›" in work.line and work.cue is None
    raw = build_brief(playbook, "Park", customer_file([note(1, "work", "«runs 3 rental units»")]), Profile(), DAY)
    work = next(prompt for prompt in raw.deepen if prompt.area == "work")
    assert work.cue == "«runs 3 rental units»" and not re.search(asks, work.line, re.IGNORECASE)


ANY_NOUN_PHRASE = {
    "en": ("your two children", "an English tutor for your daughter", "your son starting university"),
    "ko": ("자녀분 두 명", "따님 영어 과외 선생님", "아드님 대학 입학"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_spliced_phrase_reads_with_any_noun_phrase(name, language):
    """A family phrase may be a person, several people or an event: no "How is your two children going?", no seat
    question after a tutor; a leisure phrase carries its own time ("your Saturday golf" + no "at weekends")."""
    areas = load(name, language, locations())["topics"]["deepening"]["areas"]
    wrong = re.compile(
        r"How is \{family\.say\} going|room for that|need more room|그만한 공간|공간이 더|\{leisure\.say\} at weekends"
    )
    lines = [line for area in areas.values() for line in area["prompts"]]
    assert not [line for line in lines if wrong.search(line)]
    speaking = [line for line in areas["family"]["prompts"] if "{family.say" in line]
    for phrase in ANY_NOUN_PHRASE[language] if speaking else ():
        filled = fill_best(areas["family"]["prompts"], {"address": "Ms. Park", "family.say": phrase, "detail": None})
        assert phrase in filled and " going?" not in filled


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_no_line_invents_a_fact(name, language):
    """No confessed weakness in the F, no acceleration data promised to everyone, no "rates have just changed"
    offered whatever the rates did, no "this" without a referent on a first visit, and no date script that nests
    its date in brackets."""
    playbook = load(name, language, locations())
    closing, stages = playbook["topics"]["closing"], playbook["stages"]
    invented = {
        "en": r"to be honest|acceleration|have just changed|use this\b",
        "ko": r"솔직히|가속|금리가 바뀌어서|어떻게 하셨는지",
    }[language]
    lines = [*closing["feedback"], *sum(closing["benefit_by_stage"].values(), [])]
    lines += [reason["line"] for reason in stages["stage2"]["reasons"].values()]
    assert not [line for line in lines if re.search(invented, line, re.IGNORECASE)]
    for kind in playbook["topics"]["followup"]["dates"].values():
        filled = [
            fill_best([line], {"address": "Dr. Lim", "event": "lease end (2027-01-29)"}) for line in kind["templates"]
        ]
        assert not [line for line in filled if "))" in line]


def test_next_step_is_the_follow_up_planned(cli):
    """prep reports the follow-up the book holds (the earliest open one), the date followup gives; without one,
    the cadence's suggestion, and says which."""
    cli("customer", "add", "Park Soyeon", "--honorific", "Ms.", "--playbook", "bank")
    suggested = cli.json("prep", "Park")["next_step"]
    assert suggested["planned"] is None and "(suggested):" in " ".join(cli("prep", "Park", "--full").stdout.split())
    cli("followup", "add", "Park", "--on", "2026-12-09", "--type", "care", "--channel", "phone")
    cli("followup", "add", "Park", "--on", "2026-11-26", "--type", "help", "--channel", "visit")
    planned = cli.json("prep", "Park")["next_step"]
    listed = cli.json("followup", "--days", "30")["items"]
    earliest = min((item for item in listed if item["id"].startswith("f")), key=lambda item: item["due"])
    assert (planned["date"], planned["type"], f"f{planned['planned']}") == ("2026-11-26", "help", earliest["id"])
    assert planned["script"] == earliest["script"]
    full = cli("prep", "Park", "--full").stdout
    assert f"Next step: 2026-11-26 · visit · Helping the customer (planned {earliest['id']}):" in " ".join(full.split())
    korean = cli("--lang", "ko", "prep", "Park", "--full").stdout
    assert f"(계획된 {earliest['id']})" in korean
