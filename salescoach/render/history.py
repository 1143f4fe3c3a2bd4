"""A customer's timeline, for people."""

from __future__ import annotations

from salescoach.core.history import Timeline
from salescoach.core.records import Customer
from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.widgets import heading, table, text


def render_history(customer: Customer, timeline: Timeline):
    def render(console) -> None:
        title = text(_("History") + ": ", "bold")
        title.append_text(text(customer.name, "bold"))
        console.print(title)
        if not timeline.events:
            console.print(_("Nothing recorded yet."), markup=False)
        else:
            grid = table(_("Date"), _("What"), _("Details"), _("Status"))
            for event in timeline.events:
                details = "\n".join(
                    f"{word(key)}: {word(value) if key == 'channel' else value}" for key, value in event.details
                )
                body = (word(event.text) if event.kind in ("visit", "followup") else event.text) + (
                    f"\n{details}" if details else ""
                )
                what = _("contact") if event.kind == "visit" else word(event.kind)  # a call is no visit
                grid.add_row(str(event.date), what, text(body), text(word(event.status)))
            console.print(grid)
        console.print(heading(_("Emotional bank account: {balance:+d}").format(balance=timeline.balance)))
        for entry in timeline.bank:
            console.print(
                text(f"  {entry.on}  {entry.amount:+d}  ({entry.balance:+d})  {word(entry.kind)}: {entry.promise}")
            )

    return render
