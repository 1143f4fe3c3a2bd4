"""Practice cards made from the playbooks a rep uses, and the order to practise them in.

A card shows what a customer says (a refusal, one of the six questions) or something to say better (a pushy
phrase, a follow-up to make); the rep answers, sees the playbook's model answers and rates themselves. A card's
id names its pack, kind and key (``core.refusal.no_time``), so its schedule survives a reworded playbook; a pack's
card that says exactly what the pack it extends says is left out, so a book on three packs drills each line once.
Scheduling itself (FSRS) happens in the use case, which alone imports the scheduler.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from salescoach.playbook.template import fill_best

KINDS = ("refusal", "question", "neutral", "followup")

HABIT_KINDS = {
    "name_title": "question",
    "opener": "question",
    "asked_area": "question",
    "learned": "question",
    "feedback": "question",
    "benefit": "question",
    "opportunity": "followup",
    "next_in_cadence": "followup",
    "promised": "followup",
    "thanks": "refusal",
    "needs": "question",
    "feelings": "refusal",
    "options": "neutral",
    "explained_no": "refusal",
    "no_pressure": "neutral",
}
"""The kind of card that practises each scorecard habit: the weakest habit's cards come first."""


class Answer(NamedTuple):
    label: str | None
    text: str


class DrillCard(NamedTuple):
    id: str
    kind: str
    pack: str
    front: str  # what the customer says, or what to rewrite
    context: str | None  # what they are really asking, a follow-up's purpose
    task: str  # what the rep is to do with it
    answers: tuple[Answer, ...]


def cards_of(pack: str, playbook: Mapping, values: Mapping[str, str | None]) -> list[DrillCard]:
    """Every card one playbook makes, its lines filled with the rep's own facts (``values``), spoken to the
    playbook's sample customer."""
    tasks = playbook["drill"]
    values = {"address": tasks["address"], **values}
    one = playbook["stages"]["stage1"]
    cards = []
    for key, refusal in one["refusals"].items():
        answers = tuple(
            Answer(one["levers"][lever]["title"], fill_best([refusal[lever]], values))
            for lever in ("identity", "relationship", "benefit")
        )
        cards.append(
            DrillCard(f"{pack}.refusal.{key}", "refusal", pack, refusal["label"], None, tasks["refusal"], answers)
        )
    for key, question in playbook["questions"].items():
        answers = (
            Answer(None, question["guidance"]),
            *(Answer(None, fill_best([line], values)) for line in question["prompts"][:2]),
        )
        card = DrillCard(
            f"{pack}.question.{key}",
            "question",
            pack,
            question["question"],
            question["really_asking"],
            tasks["question"],
            answers,
        )
        cards.append(card)
    neutral = tuple(Answer(None, fill_best([line], values)) for line in one["neutral_phrases"][:2])
    for rule_id, rule in playbook["message_check"]["rules"].items():
        for index, phrase in enumerate(rule["phrases"]):
            answers = (Answer(rule["label"], phrase["rewrite"]), *neutral)
            key = f"{pack}.neutral.{rule_id}.{index}"
            cards.append(
                DrillCard(key, "neutral", pack, f"\u201c{phrase['text']}\u201d", rule["why"], tasks["neutral"], answers)
            )
    for key, kind in playbook["topics"]["followup"]["types"].items():
        answers = tuple(Answer(None, fill_best([line], values)) for line in kind["templates"][:2])
        cards.append(
            DrillCard(
                f"{pack}.followup.{key}", "followup", pack, kind["label"], kind["summary"], tasks["followup"], answers
            )
        )
    return cards


def deck(playbooks: Iterable[tuple[str, Mapping]], values: Mapping[str, str | None]) -> list[DrillCard]:
    """The cards of several playbooks, the first one's in full and each other's only where it says something new."""
    seen: set[tuple] = set()
    cards = []
    for pack, playbook in playbooks:
        for card in cards_of(pack, playbook, values):
            content = (card.kind, card.front, card.answers)
            if content not in seen:
                seen.add(content)
                cards.append(card)
    return cards


def due(
    cards: Iterable[DrillCard], schedule: Mapping[str, date], today: date, first_kind: str | None
) -> list[DrillCard]:
    """The cards to practise today: those due (the longest overdue first) and those never practised, the kind that
    trains the weakest habit ahead of the rest."""
    waiting = [card for card in cards if card.id not in schedule or schedule[card.id] <= today]
    return sorted(
        waiting,
        key=lambda card: (card.kind != first_kind, card.id not in schedule, schedule.get(card.id, today)),
    )
