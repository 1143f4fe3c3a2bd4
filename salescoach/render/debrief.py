"""What a debrief recorded, for people."""

from __future__ import annotations

from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.page import Page


def debrief_page(result) -> Page:
    page = Page()
    customer = result.customer
    page.line((_("Debrief saved") + ": ", "bold green"), (customer.name, "bold"))
    if result.created:
        page.bullet(None, _("New customer added to your book (#{id}).").format(id=customer.id))
    visit = result.visit
    page.bullet(_("Contact"), f"{visit.date} · {word(visit.channel)} · {word(visit.outcome)}")
    for label, value in (
        (_("Feedback"), visit.feedback),
        (_("Benefit"), visit.benefit),
        (_("Opportunity"), visit.opportunity),
    ):
        if value:
            page.bullet(label, value)
    for note in result.notes:
        page.bullet(word(note.kind), note.text)
    for promise in result.promises:
        page.bullet(_("Promise p{id} due {due}").format(id=promise.id, due=promise.due), promise.text)
    page.bullet(_("Tier / stage"), f"{word(customer.tier)} / {result.stage}")
    if result.next:
        nxt = result.next
        page.bullet(_("Next touch"), f"f{nxt.id}: {nxt.due} · {word(nxt.channel)} · {word(nxt.type)}", "green")
    if result.score is not None:
        page.line(*score_spans(result.score, result.missed))
    return page


def score_spans(score: int, missed) -> tuple:
    """ "Score 78%. To work on: asking for Feedback, options. Tip: …" (the heaviest miss's tip): what to do next
    time, forwards, not the checklist's statements of what was missed."""
    if not missed:
        return ((_("Score {score}%: every habit judged was kept.").format(score=score), "bold green"),)
    checks = ", ".join(item.work_on for item in missed[:3])
    if len(missed) > 3:
        checks += _(" (+{count} more)").format(count=len(missed) - 3)
    return (
        (_("Score {score}%.").format(score=score), "bold yellow"),
        (" " + _("To work on: {checks}.").format(checks=checks), ""),
        (" " + _("Tip: {tip}").format(tip=missed[0].tip), "dim"),
    )
