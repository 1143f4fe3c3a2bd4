"""The prep brief, for people: the one screen a rep reads in the car park before walking in (:func:`brief_page`),
and the whole method for this customer (:func:`full_page`, ``prep --full``).

The one screen is a budget of rows: everything above "what you know" is laid out first, and the notes fill what is
left, measured as the terminal will wrap them (:meth:`Page.height`), so a dozen short notes all show and a long
book degrades to the newest of each kind and a count of the rest instead of scrolling away.
"""

from __future__ import annotations

from collections.abc import Callable

from salescoach.core.brief import Brief, Section
from salescoach.core.brief_focus import clip
from salescoach.core.history import days_ago
from salescoach.core.vocabulary import word
from salescoach.i18n import _
from salescoach.render.page import Page, cells

LEAD = "  • "
SCREEN_ROWS = 40
"""The one-screen brief of a customer with history fits this many rows (a first visit, FIRST_VISIT_ROWS)."""
FIRST_VISIT_ROWS = 30
KNOWN_ROWS_AT_LEAST = 3
"""Rows kept for what you know (or fewer, when that is all the notes take): when long texts leave fewer, the brief
shows fewer promises (all of them are in --full) before it shows fewer notes."""
PROMISES_SHOWN = (3, 1)
"""How many promises the brief shows, tried in turn until what you know has its rows. The opener, the two deepening
questions and the ask are never dropped: on a narrow terminal they wrap, and the notes give way."""


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
        "remember": _("Remember"),
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


def brief_page(brief: Brief, width: int = 100) -> Page:
    """The one-screen brief, in the order a rep needs it; what you know fills the rows that are left."""
    footer = Page()
    footer.line((_("Everything else: {command}").format(command=_full_command(brief)), "dim"))
    limit = (SCREEN_ROWS if brief.header.known else FIRST_VISIT_ROWS) - footer.height(width)
    wanted = min(KNOWN_ROWS_AT_LEAST, _known_rows(brief.known, width))
    for promises in PROMISES_SHOWN:
        page = _focus(brief, promises)
        if limit - page.height(width) >= wanted:
            break
    _known(page, brief.known, rows=limit - page.height(width), width=width, text=clip)
    page.lines += footer.lines
    return page


def _known_rows(known, width: int) -> int:
    """The rows what you know takes with nothing left out."""
    trial = Page()
    _known(trial, known, rows=None, text=clip, width=width)
    return trial.height(width)


def _focus(brief: Brief, promises: int) -> Page:
    """Everything of the one-screen brief above what you know."""
    labels = _labels()
    page = Page()
    _header(page, brief, labels, short=True)
    _owed(page, brief, shown=promises, text=clip)
    aim = brief.aim
    page.heading(_("Today's aim — {title}").format(title=aim.title))
    if aim.open_questions:
        page.bullet(_("Still open"), " · ".join(question.question for question in aim.open_questions))
    if aim.why_now:
        page.bullet(_("Why now"), aim.why_now)
    page.heading(_("Open with"))
    opener = brief.opener
    page.bullet(_("Say"), opener.line, "green")
    if opener.cue:
        page.bullet(_("Remember"), opener.cue, "cyan")
    cued = {opener.cue}  # a note is shown once on one screen, beside the first line that stands on it
    for prompt in brief.deepen:
        page.bullet(_("Deepen — {topic}").format(topic=prompt.topic), prompt.line)
        if prompt.cue and prompt.cue not in cued:
            page.bullet(_("Remember"), prompt.cue, "cyan")
            cued.add(prompt.cue)
    refusal = brief.refusal
    page.bullet(_("If they say {refusal}").format(refusal=refusal.label), refusal.answer)
    page.heading(_("Close on"))
    for ask in brief.close:
        page.bullet(labels[ask.label], ask.text, "green" if ask.label == "fbo_opportunity" else "")
    if brief.habit:
        page.bullet(_("Your habit to work on"), brief.habit, "yellow")
    page.heading(_("What you know"))
    return page


def full_page(brief: Brief, width: int = 100) -> Page:
    """``prep --full``: the whole method reference for this customer, leading with what is owed and known."""
    labels = _labels()
    page = Page()
    _header(page, brief, labels)
    _owed(page, brief, shown=None, text=str)
    if brief.known:
        page.heading(_("What you know"))
        _known(page, brief.known, rows=None, text=str, width=width)

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
    channel = word(step.channel)
    plan = _("planned f{id}").format(id=step.planned) if step.planned else _("suggested")
    page.bullet(_("Next step"), f"{step.date} · {channel} · {step.type_label} ({plan}): {step.script}", "green")
    if step.cue:
        page.bullet(_("Remember"), step.cue, "cyan")

    page.heading(_("Stage {stage} tactics").format(stage=brief.header.stage))
    for section in brief.tactics:
        _section(page, section, labels)
    if brief.commonalities:
        page.heading(_("In common"))
        for item in brief.commonalities:
            page.bullet(word(item.label), item.text)
    page.heading(_("Communication checklist"))
    for item in brief.checklist:
        page.bullet(item.label, item.text)
    return page


def _header(page: Page, brief: Brief, labels: dict[str, str], short: bool = False) -> None:
    """Who, and where the relationship stands (``short``: the playbook only when the customer's own is missing)."""
    head = brief.header
    page.line((_("Prep") + ": ", "bold"), (head.name, "bold"), *(((" — " + head.company, ""),) if head.company else ()))
    facts = [
        _("stage {stage} ({reason})").format(stage=head.stage, reason=labels[head.stage_reason]),
        _("tier {tier}").format(tier=word(head.tier) or "—"),
        _("contacts {count}").format(count=head.visits),
        _("emotional bank {balance:+d}").format(balance=head.bank_balance),
        _("playbook {name}").format(name=head.playbook_title),
    ]
    if head.playbook_missing:
        facts[-1] = _("playbook {name} ({missing} is not installed)").format(
            name=head.playbook_title, missing=head.playbook_missing
        )
    elif short:
        facts.pop()
    if head.last_contact:
        ago = days_ago(head.days_since)
        facts.insert(2, _("last contact {date} ({ago})").format(date=head.last_contact, ago=ago))
    page.line((" · ".join(facts), "dim"))
    if brief.save_command:
        page.line((_("First visit: not in your book yet. After the visit, save them with:"), "yellow"))
        page.line((brief.save_command, "bold"), lead="  ", wrap=False)


def _owed(page: Page, brief: Brief, shown: int | None, text: Callable[[str], str]) -> None:
    """Open promises, overdue first (the first ``shown`` of them; None: all), and the last FBO; each text the rep
    typed shown as ``text`` makes it."""
    if not brief.promises and not brief.last_fbo:
        return
    page.heading(_("What you owe"))
    for promise in brief.promises[:shown]:
        late = {0: "", 1: _(" — 1 day overdue")}.get(promise.overdue_days, _(" — {days} days overdue"))
        late = late.format(days=promise.overdue_days)
        label = _("p{id} due {due}").format(id=promise.id, due=promise.due) + late
        page.bullet(label, text(promise.text), "red" if promise.overdue_days else "")
    hidden = len(brief.promises) - len(brief.promises[:shown])
    if hidden:
        page.bullet(None, _("and {count} more").format(count=hidden), "dim")
    if brief.last_fbo:
        fbo = brief.last_fbo
        parts = (("F", fbo.feedback), ("B", fbo.benefit), ("O", fbo.opportunity))
        page.bullet(
            _("Last FBO ({date}, {channel})").format(date=fbo.date, channel=word(fbo.channel)),
            " · ".join(f"{label} “{text(said)}”" for label, said in parts if said) or "—",
        )


def _known(page: Page, known, rows: int | None, text: Callable[[str], str], width: int = 100) -> None:
    """The notes, grouped by kind, newest first, several kinds to a line where they are short. When all of them do
    not fit in ``rows`` (None: no limit), each kind shows its newest note and how many more there are; past that,
    the kinds noted most recently and a count of the rest."""
    if not known:
        page.bullet(None, _("Nothing noted yet: listen for family, work, leisure and needs, and note them after."))
        return
    groups = [  # a fact noted twice is one fact
        (word(group.kind), list(dict.fromkeys(note.text for note in group.notes))) for group in known
    ]

    def packed(per_kind: int | None) -> tuple[Page, list[int]]:
        """The groups as bullets, a group joining the line before when the line stays one row; and how many
        groups each bullet holds."""
        trial, counts, room = Page(), [], width - cells(LEAD)
        for label, texts in groups:
            shown = texts[:per_kind]
            more = _(" (and {count} more)").format(count=len(texts) - len(shown)) if len(shown) < len(texts) else ""
            spans = ((label, "bold"), (": ", ""), (" · ".join(map(text, shown)) + more, ""))
            joined = (*trial.lines[-1].spans, ("   ", ""), *spans) if counts else ()
            if joined and cells("".join(piece for piece, _style in joined)) <= room:
                trial.lines.pop()
                trial.line(*joined, lead=LEAD)
                counts[-1] += 1
            else:
                trial.line(*spans, lead=LEAD)
                counts.append(1)
        return trial, counts

    for per_kind in (None, 1):
        trial, counts = packed(per_kind)
        if rows is None or trial.height(width) <= rows:
            page.lines += trial.lines
            return
    while trial.lines and trial.height(width) > rows - 1:
        trial.lines.pop()
        counts.pop()
    page.lines += trial.lines
    hidden = sum(len(texts) for _label, texts in groups[sum(counts) :])
    page.bullet(None, _("and {count} more").format(count=hidden), "dim")


def _full_command(brief: Brief) -> str:
    """The command that prints the whole reference for this customer (by id when known: names may repeat)."""
    import shlex

    head = brief.header
    return f"salescoach prep {head.customer_id if head.known else shlex.quote(head.name)} --full"


def _section(page: Page, section: Section, labels: dict[str, str]) -> None:
    name = section.title or labels.get(section.key, section.key)
    page.line((name, "bold"), *(((" — ", ""), (section.summary, "dim")) if section.summary else ()))
    for item in section.items:
        page.bullet(labels.get(item.label, item.label) if item.label else None, item.text)
