"""Practice cards for people: a card's front, its model answers, what is due, and how practice is going."""

from __future__ import annotations

from salescoach.i18n import _
from salescoach.render.page import Page


def kind_word(kind: str) -> str:
    words = {
        "refusal": _("Refusal"),
        "question": _("Question"),
        "neutral": _("Neutral phrasing"),
        "followup": _("Follow-up"),
    }
    return words[kind]


def front_page(card, number: int, count: int) -> Page:
    page = Page()
    page.line((f"[{number}/{count}] {kind_word(card.kind)} · {card.id}", "dim"))
    page.line((card.front, "bold"))
    if card.context:
        page.line((card.context, "dim"), lead="  ")
    page.line((card.task, "cyan"))
    return page


def answers_page(card) -> Page:
    page = Page()
    page.line((_("Model answers"), "bold"))
    for answer in card.answers:
        page.bullet(answer.label, answer.text, "green")
    return page


def due_page(result) -> Page:
    page = Page()
    if not result.cards:
        page.line((_("No practice cards due today."), "green"))
        return page
    page.line((_("{count} practice cards due").format(count=len(result.cards)), "bold"))
    if result.focus:
        page.line((_("First, the habit to work on: "), "bold"), (result.focus, "yellow"))
    rows = []
    for card in result.cards:
        since = result.due[card.id]
        rows.append((card.id, kind_word(card.kind), card.front, since.isoformat() if since else _("new")))
    page.columns((_("Card"), _("Kind"), _("Front"), _("Due")), rows)
    return page


def rated_line(rated) -> str:
    words = {"again": _("again"), "hard": _("hard"), "good": _("good"), "easy": _("easy")}
    return _("{card}: {rating}; next on {due}").format(card=rated.card, rating=words[rated.rating], due=rated.due)


def stats_page(result) -> Page:
    page = Page()
    page.line((_("Practice"), "bold"))
    retention = "—" if result.retention_30_days is None else f"{result.retention_30_days:.0%}"
    for label, value in (
        (_("Cards in your packs"), result.cards),
        (_("Practised"), result.practised),
        (_("Due today"), result.due_today),
        (_("Reviews, last 30 days"), result.reviews_30_days),
        (_("Remembered, last 30 days"), retention),
        (_("Days in a row"), result.streak_days),
        (_("Most days in a row"), result.longest_streak_days),
    ):
        page.bullet(label, value)
    return page
