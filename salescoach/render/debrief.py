"""What a debrief recorded, for people."""

from __future__ import annotations

from salescoach.i18n import _
from salescoach.render.widgets import bullet, text


def render_result(result):
    def render(console) -> None:
        customer = result.customer
        title = text(_("Debrief saved") + ": ", "bold green")
        title.append_text(text(customer.name, "bold"))
        console.print(title)
        if result.created:
            console.print(bullet(None, _("New customer added to your book (#{id}).").format(id=customer.id)))
        visit = result.visit
        console.print(bullet(_("Contact"), f"{visit.date} · {visit.channel} · {visit.outcome}"))
        for label, value in (
            (_("Feedback"), visit.feedback),
            (_("Benefit"), visit.benefit),
            (_("Opportunity"), visit.opportunity),
        ):
            if value:
                console.print(bullet(label, value))
        for note in result.notes:
            console.print(bullet(note.kind, note.text))
        for promise in result.promises:
            console.print(bullet(_("Promise p{id} due {due}").format(id=promise.id, due=promise.due), promise.text))
        console.print(bullet(_("Tier / stage"), f"{customer.tier} / {result.stage}"))
        if result.next:
            nxt = result.next
            console.print(bullet(_("Next touch"), f"f{nxt.id}: {nxt.due} · {nxt.channel} · {nxt.type}", "green"))

    return render
