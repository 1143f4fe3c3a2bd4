"""The prep brief, for people: a sheet a rep can read in the car park before walking in."""

from __future__ import annotations

from salescoach.core.brief import Brief, Section
from salescoach.core.history import days_ago
from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.page import Page


def _labels() -> dict[str, str]:
    """Names of the facts, phases and sections the brief shows (interface text, hence translated)."""
    return {
        "first_contact": _("first contact"),
        "repeat_progress": _("repeat contact with progress"),
        "shared_pain": _("shared a pain point"),
        "bought": _("has bought"),
        "recorded": _("as recorded at the last debrief"),
        "override": _("set for this brief"),
        "rep": _("you"),
        "rep_title": _("your title"),
        "rep_company": _("your company"),
        "years": _("years in the job"),
        "benefit": _("benefit promised"),
        "opportunity": _("opening left"),
        "interest": _("interest"),
        "need": _("need"),
        "pain": _("pain point"),
        "company": _("their company"),
        "detail": _("personal detail"),
        "credentials": _("credentials"),
        "customer_count": _("customers served"),
        "references": _("reference customers"),
        "bank_balance": _("emotional bank balance"),
        "commonalities": _("in common"),
        "promises_due": _("open promises"),
        "greeting": _("Greeting"),
        "deepening": _("Deepening"),
        "closing": _("Closing (FBO)"),
        "followup": _("Follow-up"),
        "open_with": _("Open with"),
        "fbo_feedback": _("F — Feedback"),
        "fbo_benefit": _("B — Benefit"),
        "fbo_opportunity": _("O — Opportunity"),
        "rule": _("Rule"),
        "watch": _("Watch throughout"),
        "levers": _("Handling refusal"),
        "neutral_phrases": _("Neutral phrasing"),
        "refusal": _("Refusal"),
        "arousing_interest": _("Arousing interest"),
        "reasons": _("Good reasons to visit"),
        "commonality_tips": _("Commonalities to look for"),
    }


def brief_page(brief: Brief) -> Page:
    labels = _labels()
    page = Page()
    head = brief.header
    page.line((_("Prep") + ": ", "bold"), (head.name, "bold"), *(((" — " + head.company, ""),) if head.company else ()))
    facts = [
        _("stage {stage} ({reason})").format(stage=head.stage, reason=labels[head.stage_reason]),
        _("tier {tier}").format(tier=word(head.tier) or "—"),
        _("contacts {count}").format(count=head.visits),
        _("emotional bank {balance:+d}").format(balance=head.bank_balance),
        _("playbook {name}").format(name=head.playbook),
    ]
    if head.playbook_missing:
        facts[-1] = _("playbook {name} ({missing} is not installed)").format(
            name=head.playbook, missing=head.playbook_missing
        )
    if head.last_contact:
        facts.insert(2, _("last contact {date} ({ago})").format(date=head.last_contact, ago=days_ago(head.days_since)))
    page.line((" · ".join(facts), "dim"))
    if brief.save_command:
        page.line((_("First visit: this customer is not in your book yet. After the visit, save them with:"), "yellow"))
        page.line((brief.save_command, "bold"), lead="  ", wrap=False)

    page.heading(_("The six questions they will silently ask"))
    by_id = {question.id: question for question in brief.questions}
    for number, key in enumerate(brief.agenda, 1):
        question = by_id[key]
        status = _("answered") if question.answered else _("open")
        page.line((f"{number}. {question.question}", "bold"), (f"  [{status}]", "dim"))
        page.bullet(_("They want to know"), question.really_asking)
        page.bullet(_("How"), question.guidance)
        for say in question.lines:
            page.bullet(_("Say"), say, "green")
        for item in question.material:
            page.bullet(labels.get(item.label, item.label), item.text, "cyan")

    page.heading(_("Visit plan"))
    for section in brief.plan:
        _section(page, section, labels)
    step = brief.next_step
    page.bullet(_("Next step"), f"{step.date} · {word(step.channel)} · {word(step.type)}: {step.script}", "green")

    page.heading(_("Stage {stage} tactics").format(stage=head.stage))
    for section in brief.tactics:
        _section(page, section, labels)

    if brief.promises:
        page.heading(_("Open promises (what you owe)"))
        for promise in brief.promises:
            late = _(" — {days} days overdue").format(days=promise.overdue_days) if promise.overdue_days else ""
            label = _("p{id} due {due}").format(id=promise.id, due=promise.due) + late
            page.bullet(label, promise.text, "red" if promise.overdue_days else "")
    if brief.last_fbo:
        fbo = brief.last_fbo
        page.heading(_("Last FBO ({date}, {channel})").format(date=fbo.date, channel=word(fbo.channel)))
        page.bullet(_("Feedback"), fbo.feedback or "—")
        page.bullet(_("Benefit promised"), fbo.benefit or "—")
        page.bullet(_("Opportunity left open"), fbo.opportunity or "—")
    if brief.commonalities:
        page.heading(_("In common"))
        for item in brief.commonalities:
            page.bullet(word(item.label), item.text)
    page.heading(_("Communication checklist"))
    for item in brief.checklist:
        page.bullet(item.label, item.text)
    return page


def _section(page: Page, section: Section, labels: dict[str, str]) -> None:
    name = section.title or labels.get(section.key, section.key)
    page.line((name, "bold"), *(((" — ", ""), (section.summary, "dim")) if section.summary else ()))
    for item in section.items:
        page.bullet(labels.get(item.label, item.label) if item.label else None, item.text)
