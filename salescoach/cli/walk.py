"""`salescoach prep CUSTOMER --walk`: the visit, one phase per screen, then the debrief with your jottings.

Keys at each screen: Enter for the next phase, ``b`` back, ``s`` skip, ``q`` quit; anything else typed is kept as
a jotting for that phase. Usable with a phone at the ear: one short screen at a time.
"""

from salescoach.i18n import _


def walk_through(app, brief) -> None:
    from salescoach.render.brief import _labels, _section
    from salescoach.render.page import Page, show
    from salescoach.render.terminal import console as terminal_console
    from salescoach.render.widgets import text

    console = terminal_console()
    labels = _labels()
    screens = list(brief.plan)
    jottings: dict[str, list[str]] = {section.key: [] for section in screens}
    index = 0
    while 0 <= index < len(screens):
        section = screens[index]
        console.rule(text(f"{index + 1}/{len(screens)} {labels.get(section.key, section.key)}"))
        page = Page()
        _section(page, section, labels)
        if section.key == "greeting":
            for key in brief.agenda[:3]:
                question = next(q for q in brief.questions if q.id == key)
                page.bullet(question.question, question.lines[0], "green")
            refusal = brief.refusal
            page.bullet(_("If they say {refusal}").format(refusal=refusal.label), refusal.answer)
        for jot in jottings[section.key]:
            page.bullet(_("jotted"), jot, "cyan")
        show(page)
        answer = console.input(_("[Enter] next · b back · s skip · q quit · or type a jotting: "))
        command = answer.strip().lower()
        if command == "q":
            console.print(_("Walk ended; nothing was saved."), markup=False)
            return
        if command == "b":
            index = max(0, index - 1)
        elif command in ("", "s"):
            index += 1
        else:
            jottings[section.key].append(answer)
    _debrief_with(app, brief, jottings)


def _debrief_with(app, brief, jottings: dict[str, list[str]]) -> None:
    """Run the debrief for this customer with the jottings filled in as notes and FBO answers."""
    from salescoach.cli.debrief_prompts import ask_missing
    from salescoach.render.debrief import debrief_page
    from salescoach.render.output import Output
    from salescoach.usecases import debrief
    from salescoach.usecases.debrief_input import validate

    answers: dict = {"customer": brief.header.name}
    notes = [{"kind": "other", "text": jot} for key in ("greeting", "deepening") for jot in jottings.get(key, [])]
    if notes:
        answers["notes"] = notes
    closing = jottings.get("closing", [])
    if closing:
        answers["feedback"] = "; ".join(closing)
    answers, create = ask_missing(app, answers, create=brief.header.known is False)
    result = debrief.record(app, validate(answers, app.today, ""), create)
    Output().page(result, lambda: debrief_page(result))
