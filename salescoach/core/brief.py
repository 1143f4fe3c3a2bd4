"""The prep brief: everything a rep should walk into a meeting with, for one customer.

It is built from the playbook and what the store knows, and tailored as far as the record allows: the greeting
uses the last personal detail noted, deepening starts with the areas the rep already knows something about, the
six questions come with the rep's own material, and the agenda puts the questions not yet answered first.

Good reason for the visit (stage 2's first "good"): a customer who bought is visited to say thanks; one with a
noted need, to help; one tagged ``referral``, through the referral; anyone else, to ask their advice.
"""

from __future__ import annotations

import re
import shlex
from datetime import date
from typing import NamedTuple

from salescoach.core import brief_focus as focus
from salescoach.core.agenda import next_touch, said
from salescoach.core.details import latest, template_values
from salescoach.core.occasions import event_label, occurrence
from salescoach.core.records import CustomerFile, Profile
from salescoach.core.relationship import bank_balance, derive_stage
from salescoach.core.vocabulary import COMMONALITY_NOTE_KINDS, DATE_KINDS, QUESTIONS
from salescoach.playbook.template import SPOKEN, fill, fill_best, fill_each, is_complete, placeholders

QUESTION_MATERIAL = {
    "who": ("rep", "rep_title", "rep_company", "years"),
    "what": ("benefit", "opportunity", "interest"),
    "relevance": ("need", "pain", "company", "detail"),
    "trust": ("credentials", "customer_count", "references", "bank_balance"),
    "choose": ("references", "commonalities"),
    "now": ("promises_due", "need", "pain"),
}
"""For each of the six questions, which of the rep's own facts help answer it."""

GREETING_TOPICS_SHOWN = ("person", "business", "weather", "scene")
FIRST_VISIT_TOPICS_SHOWN = ("business", "place", "weather", "scene")
"""A stranger is not asked how they have been: the first visit opens on the place instead of the person."""
DEEPENING_PICKS = 2
"""How many deepening questions the one-screen brief carries."""
DEEPENING_NOTE_KINDS = {
    "family": ("family",),
    "work": ("work", "workplace"),
    "leisure": ("leisure",),
    "information": ("interest",),
}
"""The note kinds each deepening area's cue may show: a work question beside a work note or where they work (so it
never asks "where do you work?" with the answer on record), never beside a pain, a hometown or "Allergic to cats!"
(pains and needs have their own lines; hometown and school are what the rep has in common)."""


class Item(NamedTuple):
    """One entry of a brief: an optional label and its text (a line to say, a tip, a fact)."""

    text: str
    label: str | None = None


class Section(NamedTuple):
    """A titled group of items; ``key`` names the section for renderers, ``title`` comes from the playbook."""

    key: str
    items: tuple[Item, ...]
    title: str | None = None
    summary: str | None = None


class QuestionBrief(NamedTuple):
    id: str
    question: str
    really_asking: str
    guidance: str
    lines: tuple[str, ...]
    material: tuple[Item, ...]
    answered: bool


class PromiseBrief(NamedTuple):
    id: int
    text: str
    due: date
    overdue_days: int


class LastFbo(NamedTuple):
    date: date
    channel: str
    feedback: str | None
    benefit: str | None
    opportunity: str | None


class NextStep(NamedTuple):
    """The next touch: the follow-up already planned (the earliest open one, ``planned`` its id), else the one the
    tier's cadence suggests (``planned`` None), so prep and followup never name two different dates."""

    date: date
    channel: str
    type: str
    script: str
    type_label: str  # the playbook's word for the type, in its language
    planned: int | None = None
    cue: str | None = None  # the note the line speaks of, for the rep's eyes (as followup's cue)


class Header(NamedTuple):
    name: str
    known: bool
    customer_id: int | None
    company: str | None
    tier: str | None
    stage: int
    stage_reason: str
    last_contact: date | None
    days_since: int | None
    visits: int
    bank_balance: int
    playbook: str
    playbook_title: str  # what the rep reads: the pack's title in its language ("관계 금융", not "bank")
    language: str
    playbook_missing: str | None  # the customer's own playbook, when it is not installed and the default stood in


class Brief(NamedTuple):
    """The whole brief. The fields up to ``save_command`` are the method reference that ``prep --full`` prints;
    ``aim`` to ``known`` are what the one-screen brief leads with (see :mod:`salescoach.core.brief_focus`)."""

    header: Header
    agenda: tuple[str, ...]
    questions: tuple[QuestionBrief, ...]
    plan: tuple[Section, ...]
    tactics: tuple[Section, ...]
    promises: tuple[PromiseBrief, ...]
    last_fbo: LastFbo | None
    commonalities: tuple[Item, ...]
    checklist: tuple[Item, ...]
    next_step: NextStep
    save_command: str | None
    aim: focus.Aim
    opener: focus.Opener
    deepen: tuple[focus.Prompt, ...]
    close: tuple[focus.Ask, ...]
    refusal: focus.LikelyRefusal
    known: tuple[focus.KnownKind, ...]
    habit: str | None = None  # the rep's weakest scorecard habit, said as what to do (see `salescoach coach`)


def build_brief(
    playbook: dict,
    name: str,
    book: CustomerFile | None,
    profile: Profile,
    today: date,
    stage_override: int | None = None,
    playbook_missing: str | None = None,
) -> Brief:
    """The brief for ``name``: a known customer's ``book``, or None for a first visit."""
    customer = book.customer if book else None
    notes = book.notes if book else ()
    visits = book.visits if book else ()
    promises = book.promises if book else ()
    last_visit = visits[-1] if visits else None
    judgement = derive_stage(book, stage_override)
    why_now = _next_event(book, today, playbook)
    values = template_values(playbook, customer, name, notes, last_visit, profile, {"event": why_now})
    open_promises = sorted(
        (promise for promise in promises if promise.is_open),
        key=lambda promise: (promise.due, promise.id),
    )
    balance = bank_balance(promises, today)
    shared = {  # each fact once, however often it was noted
        (note.kind, " ".join(note.text.split()).casefold()): Item(note.text, note.kind)
        for note in notes
        if note.kind in COMMONALITY_NOTE_KINDS
    }
    commonalities = tuple(shared.values())
    answered = {question for visit in visits for question in visit.answered}
    facts = {
        **values,
        "years": str(profile.years) if profile.years else None,
        "credentials": profile.credentials,
        "customer_count": str(profile.customer_count) if profile.customer_count else None,
        "references": profile.references,
        "bank_balance": f"{balance:+d}" if promises else None,
        "commonalities": ", ".join(item.text for item in commonalities) or None,
        "promises_due": "; ".join(f"{promise.text} ({promise.due.isoformat()})" for promise in open_promises) or None,
    }
    met = bool(visits)  # notes taken before any contact do not make a stranger someone known
    spoken = focus.spoken(values)
    questions = tuple(
        QuestionBrief(
            id=key,
            question=question["question"],
            really_asking=question["really_asking"],
            guidance=question["guidance"],
            lines=(fill_best((met and question.get("met_prompts")) or question["prompts"], _fitting(spoken, notes)),),
            material=tuple(Item(facts[field], field) for field in QUESTION_MATERIAL[key] if facts.get(field)),
            answered=key in answered,
        )
        for key, question in ((key, playbook["questions"][key]) for key in QUESTIONS)
    )
    agenda = tuple(q.id for q in questions if not q.answered) + tuple(q.id for q in questions if q.answered)
    last_contact = customer.last_contact if customer else None
    reason = playbook["stages"]["stage2"]["reasons"][good_reason(book)]
    opener = focus.opener(playbook, spoken, notes, met, reason)
    deepen = _deepening(playbook, spoken, notes)
    return Brief(
        header=Header(
            name=name,
            known=customer is not None,
            customer_id=customer.id if customer else None,
            company=customer.company if customer else None,
            tier=customer.tier if customer else None,
            stage=judgement.stage,
            stage_reason=judgement.reason,
            last_contact=last_contact,
            days_since=(today - last_contact).days if last_contact else None,
            visits=len(visits),
            bank_balance=balance,
            playbook=playbook["name"],
            playbook_title=playbook["title"],
            language=playbook["language"],
            playbook_missing=playbook_missing,
        ),
        agenda=agenda,
        questions=questions,
        plan=_plan(playbook, spoken, opener, deepen, judgement.stage, met),
        tactics=_tactics(playbook, values, judgement.stage),
        promises=tuple(
            PromiseBrief(promise.id, promise.text, promise.due, max(0, (today - promise.due).days))
            for promise in open_promises
        ),
        last_fbo=(
            LastFbo(
                last_visit.date, last_visit.channel, last_visit.feedback, last_visit.benefit, last_visit.opportunity
            )
            if last_visit
            else None
        ),
        commonalities=commonalities,
        checklist=tuple(Item(detail["tip"], detail["title"]) for detail in playbook["communication"].values()),
        next_step=_next_step(playbook, book, values, today, bool(open_promises)),
        save_command=None if customer else f"salescoach customer add {shlex.quote(name)}",
        aim=focus.aim(playbook, judgement.stage, questions, why_now),
        opener=opener,
        deepen=deepen[:DEEPENING_PICKS],
        close=focus.close(playbook, spoken, judgement.stage),
        refusal=focus.likely_refusal(playbook, spoken, judgement.stage),
        known=focus.known_notes(notes),
    )


EVENT_HORIZON_DAYS = 90
"""How far ahead an important date counts as a reason to act now."""
BUSINESS_DATE_KINDS = tuple(kind for kind, touch in DATE_KINDS.items() if touch == "info")
"""Dates that make a reason to buy now (a renewal, a rate reset, a lease end); a birthday is a reason to call."""


def _next_event(book: CustomerFile | None, today: date, playbook: dict) -> str | None:
    """The nearest business date within the horizon, as ``label (date)``: the "why now" of the brief."""
    upcoming = []
    for event in (event for event in (book.dates if book else ()) if event.kind in BUSINESS_DATE_KINDS):
        when = occurrence(event, today)
        if when is not None and (when - today).days <= EVENT_HORIZON_DAYS:
            upcoming.append((when, event.id, event))
    if not upcoming:
        return None
    when, _, event = min(upcoming)
    return event_label(event, when, playbook)


def good_reason(book: CustomerFile | None) -> str:
    """Which of the eight good reasons fits this visit (see the module docstring)."""
    if book is None:
        return "advice"
    if book.purchases or any(visit.outcome == "sale" for visit in book.visits):
        return "thanks"
    if latest(book.notes, ("need",)):
        return "help"
    if "referral" in book.customer.tags:
        return "referral"
    return "advice"


QUESTION_DETAIL_KINDS = ("family", "need", "pain")
"""The notes a question's ``{detail}`` may speak of: a customer chooses the rep who remembers a family event, a need
or a worry, never one who remembers their golf."""
SPOKEN_PHRASES = frozenset(f"{field}.say" for field in SPOKEN)
SET_OFF_NOTE = re.compile(r"\s*\([^()]*\{detail\}\)$")
"""A deepening line's note set off at its end ("How is work going? (Your note: {detail})"): the question is said
without it, and the note is shown beside it as its cue."""


def _fitting(spoken: dict, notes) -> dict:
    """The values for the six questions' lines: ``{detail}`` only from the kinds that fit them."""
    return {**spoken, "detail.say": _phrase(latest(notes, QUESTION_DETAIL_KINDS))}


def _phrase(note) -> str | None:
    """The rep's spoken phrase for ``note``, if it has one that is more than blanks."""
    return note.say if note and note.say and note.say.strip() else None


def _deepening(playbook: dict, spoken: dict, notes) -> tuple[focus.Prompt, ...]:
    """Every deepening area's question, the areas the rep knows something about first (in the playbook's order).
    An area whose note the rep gave a phrase for has a line that speaks of it; one noted without a phrase, the line
    written to stand beside its note, and the note as its cue; then the areas with nothing noted, whose line asks.
    An area noted where the pack has only lines that ask ("Where do you work?") comes last: it would ask for what
    the rep already knows."""
    ranked = []
    for order, (key, area) in enumerate(playbook["topics"]["deepening"]["areas"].items()):
        note = latest(notes, DEEPENING_NOTE_KINDS[key])
        say = _phrase(note)
        values = {**spoken, "detail.say": focus.clip(say) if say else None}
        speaking = [line for line in area["prompts"] if SPOKEN_PHRASES.intersection(placeholders(line))]
        beside = [SET_OFF_NOTE.sub("", line) for line in area["prompts"] if SET_OFF_NOTE.search(line)]
        if note and any(is_complete(line, values) for line in speaking):
            rank, line, cue = 0, fill_best(speaking, values), None
        elif note:
            rank, line, cue = (1 if beside else 3), fill_best(beside or area["prompts"], values), focus.clip(note.text)
        else:
            rank, line, cue = 2, fill_best(area["prompts"], values), None
        ranked.append((rank, order, focus.Prompt(key, area["topic"], line, cue)))
    return tuple(prompt for _rank, _order, prompt in sorted(ranked, key=lambda entry: entry[:2]))


def _next_step(playbook: dict, book: CustomerFile | None, values: dict, today: date, promised: bool) -> NextStep:
    """The follow-up already planned, the earliest open one, with the line followup gives it; else the touch the
    tier's cadence suggests: unfinished business when something was promised, else everyday care."""
    types = playbook["topics"]["followup"]["types"]
    planned = min((f for f in book.followups if f.is_open), key=lambda f: (f.due, f.id), default=None) if book else None
    if planned is not None:
        when, channel, kind, note = planned.due, planned.channel, planned.type, planned.note
    else:
        last_visit = book.visits[-1] if book and book.visits else None
        tier = (book.customer.tier if book else None) or "general"
        when, channel = next_touch(playbook, tier, today)
        kind = "unfinished" if (last_visit and last_visit.benefit) or promised else "care"
        # the next touch speaks of its own note, as the debrief records it: the Benefit promised for it
        note = last_visit.benefit if kind == "unfinished" and last_visit else None
    line, cue = said(types[kind], values, note)  # as followup_script says it, from the brief's own values
    return NextStep(when, channel, kind, line, types[kind]["label"], planned.id if planned else None, cue)


def _plan(
    playbook: dict, values: dict, opener: focus.Opener, deepen: tuple, stage: int, met: bool
) -> tuple[Section, ...]:
    """The four phases of the visit, with lines filled for this customer: the brief's own opener and deepening
    questions (one opener for one visit), and the spoken values, so no raw note lands inside a line to say."""
    topics = playbook["topics"]
    greeting, deepening, closing, followup = (topics[key] for key in ("greeting", "deepening", "closing", "followup"))
    greeting_items = [Item(opener.line, "open_with")]
    if opener.cue:
        greeting_items.append(Item(opener.cue, "remember"))
    greeting_items.append(Item(opener.reason_line, opener.reason_label))
    for key in GREETING_TOPICS_SHOWN if met else FIRST_VISIT_TOPICS_SHOWN:
        topic = greeting["topics"][key]
        greeting_items.append(Item(fill_best(topic["lines"], values), topic["title"]))
    areas = topics["deepening"]["areas"]
    deepening_items = []
    for prompt in deepen:
        deepening_items.append(Item(f"{areas[prompt.area]['leads_to']} — {prompt.line}", prompt.topic))
        if prompt.cue:
            deepening_items.append(Item(prompt.cue, "remember"))
    closing_items = tuple(Item(rule, "rule") for rule in closing["rules"]) + tuple(
        Item(ask.text, ask.label) for ask in focus.close(playbook, values, stage)
    )
    followup_items = tuple(Item(rule["criteria"], rule["label"]) for rule in followup["tiers"].values())
    return (
        Section("greeting", tuple(greeting_items), summary=greeting["summary"]),
        Section("deepening", tuple(deepening_items), summary=deepening["summary"]),
        Section("closing", closing_items, summary=closing["summary"]),
        Section("followup", followup_items, summary=followup["summary"]),
    )


def _tactics(playbook: dict, values: dict, stage: int) -> tuple[Section, ...]:
    """The tactics of the relationship's stage, from the playbook."""
    stages = playbook["stages"]
    watch = Section("watch", tuple(Item(text) for text in stages["watch"]), summary=stages["speed"])
    if stage == 1:
        one = stages["stage1"]
        return (
            watch,
            Section(
                "levers",
                tuple(Item(lever["summary"], lever["title"]) for lever in one["levers"].values()),
                title=one["title"],
                summary=one["goal"],
            ),
            Section("neutral_phrases", tuple(Item(line) for line in fill_each(one["neutral_phrases"], values))),
            *(
                Section(
                    "refusal",
                    tuple(
                        Item(fill(refusal[lever], values), one["levers"][lever]["title"])
                        for lever in ("identity", "relationship", "benefit")
                    ),
                    title=refusal["label"],
                )
                for refusal in one["refusals"].values()
            ),
            Section("arousing_interest", tuple(Item(text) for text in one["interest"])),
        )
    if stage == 2:
        two = stages["stage2"]
        return (
            watch,
            *(
                Section("good", tuple(Item(tip) for tip in good["tips"]), title=good["title"], summary=good["summary"])
                for good in two["goods"].values()
            ),
            Section(
                "reasons",
                tuple(Item(fill(reason["line"], values), reason["label"]) for reason in two["reasons"].values()),
                title=two["title"],
                summary=two["goal"],
            ),
            Section("commonality_tips", tuple(Item(text) for text in two["commonalities"])),
        )
    three = stages["stage3"]
    return (
        watch,
        *(
            Section(
                "method",
                tuple(Item(line) for line in fill_each(method["prompts"], values)),
                title=method["title"],
                summary=method["summary"],
            )
            for method in three["methods"].values()
        ),
        *(
            Section("framework", tuple(Item(step) for step in framework["steps"]), title=framework["title"])
            for framework in three["frameworks"]
        ),
    )
