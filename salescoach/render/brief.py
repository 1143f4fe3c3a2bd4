"""The prep brief, for people: a sheet a rep can read in the car park before walking in."""

from __future__ import annotations

from rich.text import Text

from salescoach.core.brief import Brief, Section
from salescoach.i18n import _
from salescoach.render.widgets import bullet, bullets, heading, text


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


def render_brief(brief: Brief):
    def render(console) -> None:
        labels = _labels()
        head = brief.header
        title = Text(_("Prep") + ": ", style="bold")
        title.append_text(text(head.name, "bold"))
        if head.company:
            title.append(" — ")
            title.append_text(text(head.company))
        console.print(title)
        facts = [
            _("stage {stage} ({reason})").format(stage=head.stage, reason=labels[head.stage_reason]),
            _("tier {tier}").format(tier=head.tier or "—"),
            _("contacts {count}").format(count=head.visits),
            _("emotional bank {balance:+d}").format(balance=head.bank_balance),
            _("playbook {name}").format(name=head.playbook),
        ]
        if head.last_contact:
            facts.insert(
                2, _("last contact {date} ({days} days ago)").format(date=head.last_contact, days=head.days_since)
            )
        console.print(text(" · ".join(facts), "dim"))
        if brief.save_command:
            console.print(
                text(
                    _("First visit: this customer is not in your book yet. After the visit, save them with:"), "yellow"
                )
            )
            console.print(text(f"  {brief.save_command}", "bold"), soft_wrap=True)

        console.print(heading(_("The six questions they will silently ask")))
        by_id = {question.id: question for question in brief.questions}
        for number, key in enumerate(brief.agenda, 1):
            question = by_id[key]
            line = text(f"{number}. {question.question}", "bold")
            line.append("  [" + (_("answered") if question.answered else _("open")) + "]", style="dim")
            console.print(line)
            console.print(
                bullets(
                    (_("They want to know"), question.really_asking),
                    (_("How"), question.guidance),
                    *((_("Say"), say, "green") for say in question.lines),
                    *((labels.get(item.label, item.label), item.text, "cyan") for item in question.material),
                )
            )

        console.print(heading(_("Visit plan")))
        for section in brief.plan:
            _section(console, section, labels)
        step = brief.next_step
        console.print(bullet(_("Next step"), f"{step.date} · {step.channel} · {step.type}: {step.script}", "green"))

        console.print(heading(_("Stage {stage} tactics").format(stage=head.stage)))
        for section in brief.tactics:
            _section(console, section, labels)

        if brief.promises:
            console.print(heading(_("Open promises (what you owe)")))
            for promise in brief.promises:
                late = _(" — {days} days overdue").format(days=promise.overdue_days) if promise.overdue_days else ""
                console.print(
                    bullet(
                        _("p{id} due {due}").format(id=promise.id, due=promise.due) + late,
                        promise.text,
                        "red" if promise.overdue_days else "",
                    )
                )
        if brief.last_fbo:
            fbo = brief.last_fbo
            console.print(heading(_("Last FBO ({date}, {channel})").format(date=fbo.date, channel=fbo.channel)))
            console.print(
                bullets(
                    (_("Feedback"), fbo.feedback or "—"),
                    (_("Benefit promised"), fbo.benefit or "—"),
                    (_("Opportunity left open"), fbo.opportunity or "—"),
                )
            )
        if brief.commonalities:
            console.print(heading(_("In common")))
            console.print(bullets(*((item.label, item.text) for item in brief.commonalities)))
        console.print(heading(_("Communication checklist")))
        console.print(bullets(*((item.label, item.text) for item in brief.checklist)))

    return render


def _section(console, section: Section, labels: dict[str, str]) -> None:
    name = section.title or labels.get(section.key, section.key)
    line = text(name, "bold")
    if section.summary:
        line.append(" — ")
        line.append_text(text(section.summary, "dim"))
    console.print(line)
    console.print(
        bullets(*((labels.get(item.label, item.label) if item.label else None, item.text) for item in section.items))
    )
