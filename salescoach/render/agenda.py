"""The morning list, for people: what to do today with a script for each, then who is drifting away."""

from __future__ import annotations

from salescoach.core.agenda import Agenda, Term
from salescoach.i18n import _
from salescoach.render.widgets import heading, table, text


def why_text(terms: tuple[Term, ...]) -> str:
    """A priority score's terms in words: ``promise +200, 3d overdue +6, tier hot +30``."""
    names = {
        "promise": lambda quantity: _("promise"),
        "overdue": lambda quantity: _("{days}d overdue").format(days=quantity),
        "tier": lambda quantity: _("tier {tier}").format(tier=quantity),
        "stage": lambda quantity: _("stage {stage}").format(stage=quantity),
        "churn_risk": lambda quantity: _("silent {days}d").format(days=quantity),
    }
    return ", ".join(f"{names[term.term](term.quantity)} {term.points:+g}" for term in terms)


def render_agenda(agenda: Agenda, show_why: bool):
    def render(console) -> None:
        span = str(agenda.date) if agenda.until == agenda.date else f"{agenda.date} – {agenda.until}"
        console.print(text(_("Follow-up for {span}").format(span=span), "bold"))
        if not agenda.items:
            console.print(
                _("Nothing is due. A good day to call someone you have not spoken to in a while."), markup=False
            )
        else:
            columns = [_("Id"), _("Customer"), _("Due"), _("Channel"), _("Why"), _("Script")]
            if show_why:
                columns.append(_("Score"))
            grid = table(*columns, wide={4: 1, 5: 2, 6: 1} if show_why else {4: 1, 5: 2})
            for item in agenda.items:
                due = str(item.due)
                if item.overdue_days:
                    due += "\n" + _("{days}d late").format(days=item.overdue_days)
                reason = {"promise": _("promise") + f": {item.note}", "date": f"{item.type}: {item.note}"}.get(
                    item.kind, item.type
                )
                row = [
                    item.id,
                    text(item.customer, "bold"),
                    text(due, "red" if item.overdue_days else ""),
                    item.channel,
                    text(reason),
                    text(item.script, "green"),
                ]
                if show_why:
                    row.append(text(f"{item.score:g}\n{why_text(item.why)}", "dim"))
                grid.add_row(*row)
            console.print(grid)
            if agenda.total > len(agenda.items):
                console.print(
                    _("… and {more} more due (`--limit 0` shows all).").format(more=agenda.total - len(agenda.items)),
                    markup=False,
                )
        if agenda.at_risk:
            console.print(heading(_("At risk: silent longer than their tier allows")))
            grid = table(_("Customer"), _("Tier"), _("Last contact"), _("Silent"), _("Get back in touch"), wide={4: 1})
            for risk in agenda.at_risk:
                grid.add_row(
                    text(risk.customer, "bold"),
                    risk.tier,
                    str(risk.last_contact),
                    _("{days}d (limit {limit})").format(days=risk.days_silent, limit=risk.threshold_days),
                    text(risk.reason, "green"),
                )
            console.print(grid)

    return render


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
                "note": item.note,
                "script": item.script,
                "score": item.score,
                "why": [{"term": term.term, "points": term.points, "quantity": term.quantity} for term in item.why],
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
            }
            for risk in agenda.at_risk
        ],
    }
