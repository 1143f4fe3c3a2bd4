"""The morning list, for people: what to do today with a script for each, then who is drifting away."""

from __future__ import annotations

from salescoach.core.agenda import Agenda, Term
from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.page import Page


def why_text(terms: tuple[Term, ...]) -> str:
    """A priority score's terms in words: ``promise +200, 3d overdue +6, tier hot +30``."""
    names = {
        "promise": lambda quantity: _("promise"),
        "overdue": lambda quantity: _("{days}d overdue").format(days=quantity),
        "tier": lambda quantity: _("tier {tier}").format(tier=word(quantity)),
        "stage": lambda quantity: _("stage {stage}").format(stage=quantity),
        "churn_risk": lambda quantity: _("silent {days}d").format(days=quantity),
    }
    return ", ".join(f"{names[term.term](term.quantity)} {term.points:+g}" for term in terms)


def agenda_page(agenda: Agenda, show_why: bool) -> Page:
    """Each item as a short block under its id (the id is what ``followup done`` takes): who, how and when,
    what it is about, the line to say and apart from it the note it speaks of (the rep's eyes only: a line to say
    is sent word for word), and with ``--why`` the score; then who is drifting away."""
    page = Page()
    span = str(agenda.date) if agenda.until == agenda.date else f"{agenda.date} – {agenda.until}"
    page.line((_("Follow-up for {span}").format(span=span), "bold"))
    if not agenda.items:
        page.line((_("Nothing is due. A good day to call someone you have not spoken to in a while."), ""))
    width = max((len(item.id) for item in agenda.items), default=0) + 2
    for item in agenda.items:
        due = _("due {date}").format(date=item.due)
        if item.overdue_days:
            due += ", " + _("{days}d late").format(days=item.overdue_days)
        page.line(
            (item.customer, "bold"),
            (f" · {word(item.channel)} · ", ""),
            (due, "red" if item.overdue_days else ""),
            lead=item.id.ljust(width),
        )
        about = item.type_label or _("promise")
        page.bullet(_("About"), f"{about} — {item.note}" if item.note else about, lead=" " * width)
        page.bullet(_say_label(item, agenda.date), item.script, "green", lead=" " * width)
        if item.cue and item.cue != item.note:  # the item's own note is already on its About line
            page.bullet(_("Remember"), item.cue, "cyan", lead=" " * width)
        if show_why:
            page.bullet(_("Score"), f"{item.score:g} = {why_text(item.why)}", "dim", lead=" " * width)
    if agenda.total > len(agenda.items):
        page.line(
            (_("… and {more} more due (`--limit 0` shows all).").format(more=agenda.total - len(agenda.items)), "")
        )
    if agenda.at_risk:
        page.heading(_("At risk: silent longer than their tier allows"))
        for risk in agenda.at_risk:
            silent = _("silent {days}d (limit {limit})").format(days=risk.days_silent, limit=risk.threshold_days)
            last = _("last contact {date}").format(date=risk.last_contact)
            page.line((risk.customer, "bold"), (f" · {word(risk.tier)} · {silent} · {last}", ""), lead="  • ")
            page.bullet(_("Say"), risk.reason, "green", lead="    ")
            if risk.cue:
                page.bullet(_("Remember"), risk.cue, "cyan", lead="    ")
    if agenda.drills_due:
        page.line()
        page.line((_("{count} practice cards due: `salescoach drill`").format(count=agenda.drills_due), "cyan"))
    return page


def _say_label(item, today) -> str:
    """ "Say", or "Say on 11-28" for a birthday or anniversary listed ahead of its day: its wishes are for the
    day itself, while a renewal's line is said now, to prepare."""
    if item.kind == "date" and item.type == "care" and item.due > today:
        from salescoach.core.dates import day_text

        return _("Say on {day}").format(day=day_text(None, item.due.month, item.due.day))
    return _("Say")


def agenda_json(agenda: Agenda) -> dict:
    """The documented ``followup --json`` shape."""
    return {
        "date": agenda.date.isoformat(),
        "until": agenda.until.isoformat(),
        "total": agenda.total,
        "items": [
            {
                "id": item.id,
                "customer": item.customer,
                "customer_id": item.customer_id,
                "kind": item.kind,
                "due": item.due.isoformat(),
                "overdue_days": item.overdue_days,
                "channel": item.channel,
                "type": item.type,
                "type_label": item.type_label,
                "date_kind": item.date_kind,
                "note": item.note,
                "script": item.script,
                "cue": item.cue,
                "score": round(item.score, 2),
                "why": [
                    {"term": term.term, "points": round(term.points, 2), "quantity": term.quantity} for term in item.why
                ],
            }
            for item in agenda.items
        ],
        "at_risk": [
            {
                "customer": risk.customer,
                "customer_id": risk.customer_id,
                "last_contact": risk.last_contact.isoformat(),
                "days_silent": risk.days_silent,
                "threshold_days": risk.threshold_days,
                "tier": risk.tier,
                "reason": risk.reason,
                "cue": risk.cue,
            }
            for risk in agenda.at_risk
        ],
        "drills_due": agenda.drills_due,
    }
