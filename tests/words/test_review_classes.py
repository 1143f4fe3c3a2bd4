"""The classes of line a read-aloud review found a rep would not say, each held so it cannot come back: a cue of the
wrong kind, a care call that pitches, a to-do read aloud, one Benefit for everyone, a blank for the rep's own
profile, an English pack name in Korean, the six questions named two ways, Korean a rep would not say."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from corpus import KOREAN
from test_lines_read_well import PLAYBOOKS, SAFE, templates

from salescoach.core.agenda import CustomerContext, followup_script, promise_script, reconnect_reason
from salescoach.core.brief import build_brief
from salescoach.core.details import honour_family
from salescoach.core.records import Customer, CustomerFile, Followup, Note, Profile, Promise, Visit
from salescoach.core.vocabulary import DATE_KINDS, FOLLOWUP_TYPES, NOTE_KINDS, QUESTIONS
from salescoach.paths import locations
from salescoach.playbook.loader import load
from salescoach.playbook.template import FREE_TEXT, SPOKEN, fill

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
                                                         ("ko", "왜 지금 사야 하죠?", "관계 금융")])  # fmt: skip
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
    "work": {"work", "workplace"},
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


FAMILY_WORDS = {"en": re.compile(r"\b(family|everyone|at home)\b"), "ko": re.compile(r"가족|댁에|다들")}


def kinds_for(place: str, line: str, language: str) -> set[str]:
    """The kinds a line may cue: its place's, or the family alone for a check-in that asks after the family."""
    asked = line.split(" (")[0]
    return {"family"} if place == "personal" and FAMILY_WORDS[language].search(asked) else LINE_KINDS[place]


def beside(said) -> str:
    """A follow-up's line with its cue after it, as the brief's lines carry theirs, for the checks of what is cued."""
    return f"{said.line} (cue: {said.cue})" if said.cue else said.line


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
        deepening, area = [], None
        for item in brief.plan[1].items:
            area = areas.get(item.label, area)  # a note to remember belongs to the question above it
            deepening.append((area, item.text))
        lines = [
            *deepening,
            ("personal", brief.plan[0].items[0].text),
            *((question.id, line) for question in brief.questions for line in question.lines),
            ("personal", brief.next_step.script),
            ("personal", beside(reconnect_reason(context, Profile()))),
            *(
                ("personal" if type_ in ("care", "unfinished") else type_, beside(followup_script(
                    Followup(1, 1, DAY, "phone", type_), context, Profile()))
                )
                for type_ in FOLLOWUP_TYPES
            ),
        ]  # fmt: skip
        bad += [f"{place}: {line}" for place, line in lines if cued(line) - kinds_for(place, line, language)]
        opener = brief.opener
        if f"‹say {spoken}›" in opener.line:
            if opener.cue != f"«{spoken}»":
                bad.append(f"opener: {opener.line} / {opener.cue}")
    assert not bad, "\n".join(bad[:20])


PITCH = {
    "en": re.compile(
        r"\b(cover|policy|policies|product|offer|model|test drive|listings?|prices?|rates?|analysis|quote|deal|buy|"
        r"upgrade|trade-in|invest\w*)\b",
        re.IGNORECASE,
    ),
    "ko": re.compile(r"보장|보험료|상품|신차|시승|매물|시세|금리|가입|견적|분석|투자|구매|할인"),
}
"""Words of a pitch: a care call (a check-in, a birthday, an anniversary) speaks of none of them."""
CARE_DATES = tuple(kind for kind, touch in DATE_KINDS.items() if touch == "care")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_care_call_never_turns_into_a_pitch(name, language):
    followup = load(name, language, locations())["topics"]["followup"]
    lines = [*followup["types"]["care"]["templates"]]
    lines += [line for kind in CARE_DATES for line in followup["dates"][kind]["templates"]]
    assert not [line for line in lines if PITCH[language].search(line)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_morning_list_of_a_demo_book_has_no_pitch_in_a_care_call(cli, language):
    cli("demo", "--lang", language, "--customers", "120")
    items = cli.json("--lang", language, "followup", "--days", "14", "--limit", "0")["items"]
    care = [item["script"] for item in items if item["type"] == "care"]
    assert len(care) >= 5
    assert not [script for script in care if PITCH[language].search(script)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_unfinished_business_speaks_of_its_own_note(name, language):
    playbook = load(name, language, locations())
    book = one_of_each("family")
    last = Visit(2, 1, DAY, "visit", benefit="«last visit's benefit»")
    context = CustomerContext(book.customer, playbook, book.notes, last)
    said = followup_script(Followup(1, 1, DAY, "phone", "unfinished", note="«its own note»"), context, Profile())
    assert said.cue == "«its own note»"  # beside the line: memo words ("... next week") are not said on a later day
    assert "«" not in said.line
    bare = followup_script(Followup(1, 1, DAY, "phone", "unfinished"), context, Profile())
    assert "«" not in bare.line and bare.cue is None  # no note: never speaks of another visit's Benefit


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_a_promise_is_delivered_not_read_out_as_a_to_do(name, language):
    playbook = load(name, language, locations())
    book = one_of_each("family")
    context = CustomerContext(book.customer, playbook, book.notes, book.visits[-1])
    todo = "«email the fee table»"
    bare = promise_script(Promise(1, 1, todo, DAY, DAY), context, Profile())
    assert todo not in bare.line and "‹" not in bare.line and bare.cue == todo
    said = promise_script(Promise(1, 1, todo, DAY, DAY, say="‹the fee table›"), context, Profile())
    assert "‹the fee table›" in said.line and todo not in said.line


def test_a_promise_without_a_phrase_is_announced_and_its_to_do_shown_apart(cli):
    cli("customer", "add", "Park Soyeon", "--honorific", "Ms.")
    cli("debrief", "Park", "--no-input", "--channel", "phone", "--date", "-3d", "--promise", "email the fee table@+1d")
    items = cli.json("followup", "--days", "7")["items"]
    promise = next(item for item in items if item["type"] == "promise")
    assert promise["script"] == "Ms. Park, here is what I promised you last time."
    assert promise["note"] == "email the fee table"
    shown = cli("followup", "--days", "7").stdout
    assert "email the fee table" in shown and "here is what I promised you last time." in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_profile_no_line_shows_a_blank_for_the_rep(cli, language):
    """A rep who never ran `salescoach profile set`, a customer with no company: every stage of every pack, the
    short brief and --full, has whole lines (the line that introduces the rep by name gives way to one without)."""
    cli("customer", "add", "Park Soyeon", "--honorific", "Ms.")
    for name in PLAYBOOKS:
        for stage in ("1", "2", "3"):
            args = ("--lang", language, "prep", "Park Soyeon", "--playbook", name, "--stage", stage)
            for out in (cli(*args).stdout, cli(*args, "--full").stdout):
                assert "‹" not in out, [line for line in out.splitlines() if "‹" in line]


@pytest.mark.parametrize(("line", "field"), [("As {rep_title} at {rep_company}, I can help.", "rep_title"),
                                              ("How is business at {company}?", "company")])  # fmt: skip
def test_a_line_without_alternatives_may_not_need_what_may_be_unknown(cli, tmp_path, line, field):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "name: mine\ntitle: Mine\nlanguage: en\nversion: 1\nextends: core\n"
        f"churn:\n  causes:\n    dislike:\n      repair: {json.dumps(line)}\n",
        encoding="utf-8",
    )
    result = cli("playbook", "validate", str(pack), code=2)
    assert f"mine.yaml:9: churn.causes.dislike.repair: {{{field}}} may be unknown" in result.stderr


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PLAYBOOKS)
def test_the_benefit_to_close_on_is_this_customers(name, language):
    """The B of the close comes from what is known (a need, a pain, an interest the rep gave a phrase for), else
    from the stage: customers at different stages, or with different needs, are not all offered the same line."""
    playbook = load(name, language, locations())
    customer = Customer(1, "Park Soyeon", "Ms.", tier="warm", last_contact=DAY)
    met = (Visit(1, 1, DAY - timedelta(days=40), "visit"),)

    def benefit(notes=(), stage=None) -> tuple[str, str]:
        brief = build_brief(playbook, customer.name, CustomerFile(customer, notes, met), Profile(), DAY, stage)
        short = next(ask.text for ask in brief.close if ask.label == "fbo_benefit")
        full = next(item.text for item in brief.plan[2].items if item.label == "fbo_benefit")
        return short, full

    by_stage = {benefit(stage=stage)[0] for stage in (1, 2, 3)}
    assert len(by_stage) == 3, by_stage
    needs = [benefit((Note(1, 1, "need", text, DAY, f"‹{text}›"),)) for text in ("a bigger car", "a lower rate")]
    assert all(
        f"‹{text}›" in short for (short, _full), text in zip(needs, ("a bigger car", "a lower rate"), strict=True)
    )
    short, full = benefit((Note(1, 1, "need", "«wants a bigger car»", DAY),))
    assert "«" not in short and short in by_stage  # the brief's lines to say splice no raw note
    assert full == short  # --full closes on the brief's own line (the note is under what you know)


NOT_SPOKEN_KOREAN = {
    "announces a question instead of asking leave to ask ('여쭙겠습니다')": re.compile(r"여쭙겠습니다"),
    "the rep's own leaving said plainly ('가기 전에')": re.compile(r"(^|\s)가기 전에"),
    "고객님 for a customer whose name and title are known": re.compile(r"(?<!어느 )고객님(?!들)"),
    "one verb for every pastime ('와인 모임은 자주 하세요')": re.compile(r"자주 하세요|하러 다니세요"),
    "figures as 숫자 ('약속드린 숫자가')": re.compile(r"숫자가"),
    "a particle after 님 that follows a vowel": re.compile(r"님(와|를|가|는|로|랑|나)(?![가-힣])"),
}
"""What a Korean rep would not say, found by a read-aloud review: each must not come back."""


def korean_problems(line: str) -> list[str]:
    return [f"{problem}: {line}" for problem, pattern in NOT_SPOKEN_KOREAN.items() if pattern.search(line)]


def test_the_korean_checks_catch_what_they_should():
    for line in ("가기 전에 여쭙겠습니다, 이 사장님.", "고객님 상황에 맞춰", "와인 모임은 요즘도 자주 하세요?",
                 "약속드린 숫자가 다 나왔습니다.", "이 과장님와 비슷한"):  # fmt: skip
        assert korean_problems(line), line
    assert not korean_problems("마치기 전에 하나 여쭤봐도 될까요, 이 과장님과 비슷한 분들, 어느 고객님께나")


@pytest.mark.parametrize("name", PLAYBOOKS)
def test_every_korean_line_is_what_a_rep_would_say(name):
    playbook = load(name, "ko", locations())
    family = playbook["address"].get("family", {})
    bad = []
    for _, raw, say in KOREAN:
        values = {**SAFE["ko"], **dict.fromkeys(FREE_TEXT, raw)}
        values |= {f"{field}.say": honour_family(say, family) if say else None for field in SPOKEN}
        for template in templates(playbook):
            bad += korean_problems(fill(template, values))
    assert not bad, "\n".join(sorted(set(bad))[:20])


def test_a_korean_demo_book_reads_as_a_rep_would_say_it(cli):
    """prep (short and --full, first visit and long history), followup and the at-risk list of a Korean demo book,
    every line filled, at 80 and 100 columns."""
    cli("demo", "--lang", "ko", "--customers", "60")
    cli("profile", "set", "--name", "김민수", "--company", "한빛은행", "--title", "과장")
    customers = cli.json("customer", "list")
    ids = [str(customer["id"]) for customer in customers[:12]]
    outputs = [cli("--lang", "ko", "followup", "--days", "14", "--limit", "0").stdout]
    for customer_id in ids:
        outputs += [
            cli("--lang", "ko", "prep", customer_id).stdout,
            cli("--lang", "ko", "prep", customer_id, "--full").stdout,
        ]
    outputs.append(cli("--lang", "ko", "prep", "최민호").stdout)  # a first visit
    bad = [problem for out in outputs for line in out.splitlines() for problem in korean_problems(line)]
    assert not bad, "\n".join(bad[:20])


def test_prep_cues_a_work_question_with_a_work_note_only(cli):
    """Through the command: a pain, a reminder and a hometown noted after the work note are not cued beside the
    work question, and the opener's phrase comes with its own note."""
    cli("customer", "add", "Park Soyeon", "--honorific", "Ms.", "--playbook", "bank")
    cli("debrief", "Park", "--no-input", "--channel", "phone", "--date", "-30d")
    cli("customer", "note", "Park", "family", "son starts uni", "--say", "your son starting university")
    cli("customer", "note", "Park", "work", "promoted to branch manager")
    for kind, text in (("pain", "loan interest is killing him"), ("other", "Allergic to cats!"),
                       ("hometown", "grew up in Busan"), ("leisure", "golf")):  # fmt: skip
        cli("customer", "note", "Park", kind, text)
    brief = cli.json("prep", "Park", "--full")
    items = brief["plan"][1]["items"]
    work = next(index for index, item in enumerate(items) if item["label"].startswith("Work"))
    assert "promoted" not in items[work]["text"]  # no raw note inside the question
    assert items[work + 1] == {"text": "promoted to branch manager", "label": "remember"}
    others = " ".join(item["text"] for index, item in enumerate(items) if index not in (work, work + 1))
    assert not any(text in others for text in ("loan interest", "Allergic", "Busan", "promoted"))
    assert (
        brief["opener"]["line"]
        == "Ms. Park, last time you told me about your son starting university. How is that going?"
    )
    assert brief["opener"]["cue"] == "son starts uni"
