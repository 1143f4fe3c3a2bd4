"""What the one-screen brief leads with: the few lines a rep reads in the two minutes before a meeting.

The full sheet (:mod:`salescoach.core.brief`) is the method's reference; this module chooses from it, for one
customer: today's aim (the stage and the questions still open among the six, and a dated business reason to act
now), the opener and two deepening questions picked by what the rep knows, the ask to close on, the refusal most
likely at this stage with the answer to lead with, and everything noted, grouped by kind, newest first.

Two rules of the method decide the choices: a stranger is greeted as one (no "how have you been" on a first
visit), and the Benefit and Opportunity of the close are offered for this visit, never last visit's repeated.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from salescoach.core.details import NOTE_FIELDS, latest
from salescoach.core.records import Note
from salescoach.core.vocabulary import REMINDER_NOTE_KINDS
from salescoach.playbook.template import SPOKEN, fill, fill_best, is_complete, placeholders

SHORT_TEXT = 60
"""The one-screen brief shows at most this many characters of any one text a rep typed; --full and --json show it
whole. A note pasted from an email must not push the rest of the brief off the screen."""


def clip(text: str) -> str:
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1].rstrip() + "…"


RAW_NOTES = SPOKEN
"""Placeholders that hold a note or promise as the rep wrote it ("plays golf on Saturdays", "부모님 모시고 삶"); their
``.say`` phrases, which the rep wrote for speaking, stay."""


def clipped(values: dict) -> dict:
    """Template values with every text clipped for the one-screen brief."""
    return {key: clip(value) if isinstance(value, str) else value for key, value in values.items()}


def spoken(values: dict) -> dict:
    """Values for the brief's lines to say: a raw note never goes inside a sentence, so lines that would splice one
    give way to lines that need none, and the brief shows the note set off beside them ("Remember: ...")."""
    return {**clipped(values), **dict.fromkeys(RAW_NOTES)}


class OpenQuestion(NamedTuple):
    id: str
    question: str


class Aim(NamedTuple):
    """Today's aim: where the stage wants the relationship to go, and what the customer still silently asks."""

    stage: int
    title: str
    goal: str
    open_questions: tuple[OpenQuestion, ...]
    why_now: str | None  # a dated business reason (renewal, rate reset, lease end), never a birthday


class Opener(NamedTuple):
    line: str
    cue: str | None  # the note the opener builds on, shown set off ("Remember: ...")
    reason_label: str
    reason_line: str


class Prompt(NamedTuple):
    area: str
    topic: str
    line: str
    cue: str | None = None  # the note the question stands beside, when the rep gave it no phrase to speak


class Ask(NamedTuple):
    label: str  # fbo_feedback | fbo_benefit | fbo_opportunity
    text: str


class LikelyRefusal(NamedTuple):
    id: str
    label: str
    lever: str
    lever_title: str
    answer: str


class KnownNote(NamedTuple):
    id: int
    text: str
    noted_on: date


class KnownKind(NamedTuple):
    """The notes of one kind, newest first."""

    kind: str
    notes: tuple[KnownNote, ...]


def this_visit(values: dict) -> dict:
    """Values for the close: last visit's Benefit and Opportunity are history, so the lines offer new ones."""
    return {**values, "benefit": None, "opportunity": None}


def aim(playbook: dict, stage: int, questions: Iterable, why_now: str | None) -> Aim:
    stage_part = playbook["stages"][f"stage{stage}"]
    still_open = tuple(OpenQuestion(q.id, q.question) for q in questions if not q.answered)
    return Aim(stage, stage_part["title"], stage_part["goal"], still_open, why_now)


def opener(playbook: dict, values: dict, notes: tuple[Note, ...], met: bool, reason: dict) -> Opener:
    """The first line: a stranger's greeting until the first contact (notes taken before it, from a colleague or
    an import, are a cue, not a shared past); after it, the warmest the record supports.

    The cue beside it is the note the line speaks of ("your son starting university" -> the family note), never
    a note of another kind; a line that speaks of none has the latest reminder beside it."""
    greeting = playbook["topics"]["greeting"]
    lines = greeting["with_detail" if met else "first_visit"]
    line = fill_best(lines, values)
    chosen = next((template for template in lines if is_complete(template, values)), "")
    fields = [name.removesuffix(".say") for name in placeholders(chosen)]
    kinds = next((NOTE_FIELDS[field] for field in fields if field in NOTE_FIELDS), REMINDER_NOTE_KINDS)
    note = latest(notes, kinds)
    return Opener(line, clip(note.text) if note else None, reason["label"], fill(reason["line"], values))


def close(playbook: dict, values: dict, stage: int) -> tuple[Ask, ...]:
    """Feedback, Benefit and Opportunity to close on. The Benefit is this customer's: what they told you they need
    or follow, else what the relationship's stage calls for, never one line for everyone."""
    closing, values = playbook["topics"]["closing"], this_visit(values)
    lines = {
        "feedback": closing["feedback"],
        "benefit": [*closing["benefit"], *closing["benefit_by_stage"][str(stage)]],
        "opportunity": closing["opportunity"],
    }
    return tuple(Ask(f"fbo_{part}", fill_best(lines[part], values)) for part in ("feedback", "benefit", "opportunity"))


def likely_refusal(playbook: dict, values: dict, stage: int) -> LikelyRefusal:
    stages = playbook["stages"]
    choice = stages["likely_refusal"][str(stage)]
    refusal = stages["stage1"]["refusals"][choice["refusal"]]
    lever = choice["lever"]
    return LikelyRefusal(
        choice["refusal"],
        refusal["label"],
        lever,
        stages["stage1"]["levers"][lever]["title"],
        fill(refusal[lever], values),
    )


def known_notes(notes: Iterable[Note]) -> tuple[KnownKind, ...]:
    """Every note, grouped by kind, newest first within a kind; the kind noted most recently comes first."""
    kinds: dict[str, list[Note]] = {}
    for note in sorted(notes, key=lambda note: (note.noted_on, note.id), reverse=True):
        kinds.setdefault(note.kind, []).append(note)
    return tuple(
        KnownKind(kind, tuple(KnownNote(note.id, note.text, note.noted_on) for note in group))
        for kind, group in kinds.items()
    )
