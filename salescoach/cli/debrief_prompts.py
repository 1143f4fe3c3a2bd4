"""The interactive debrief: ask, with defaults and choices shown, for whatever flags did not give.

Prompts go to stderr so ``--json`` output stays clean. Ctrl-C and end of input propagate as KeyboardInterrupt and
EOFError before anything is written; the command turns them into a one-line message.
"""

from salescoach.core import vocabulary as v
from salescoach.i18n import _

FINISH = ""


def _console():
    from salescoach.render.terminal import console

    return console(stderr=True)


def _ask(console, question: str, default: str | None = None, choices: tuple[str, ...] | None = None) -> str:
    """One answer; with ``choices`` the answer must be one of them, and any answer must be text by the one rule
    for text (no NUL, valid UTF-8: a terminal can send neither to a store): asked again otherwise.

    Choices are shown in the interface language (가족, 전화, 의향 on a Korean debrief) and taken either as shown
    or as their ids (``family``, as on the command line); the answer is the id."""
    from rich.markup import escape
    from rich.prompt import Prompt

    from salescoach.core.fields import text
    from salescoach.errors import FieldError

    said = {v.word(choice) or choice: choice for choice in choices or ()}
    shown = [word for word in said if word]
    if choices:
        question = f"{question} [{'/'.join(shown)}]"
    prompt = Prompt(
        escape(question),
        console=console,
        choices=[*said, *choices] if choices else None,
        show_choices=False,
        show_default=default not in (None, ""),
    )
    # Rich's own "Please select one of the available options" is English in every language
    prompt.illegal_choice_message = "[prompt.invalid.choice]" + escape(
        _("Please choose one of {choices}").format(choices="/".join(shown))
    )
    while True:
        answer = prompt(default=... if default is None else (v.word(default) or default) if choices else default)
        try:
            return said.get(answer, text(answer, question) or answer)
        except FieldError as error:
            console.print(error.problem, markup=False, style="red")


def _ask_date(console, app, question: str, default: str) -> str:
    from salescoach.core.dates import DateError, parse_day
    from salescoach.usecases.dates import date_problem

    while True:
        answer = _ask(console, question, default)
        try:
            return parse_day(answer, app.today).isoformat()
        except DateError as error:
            console.print(date_problem(error), markup=False, style="red")


def ask_missing(app, answers: dict, create: bool) -> tuple[dict, bool]:
    """Complete ``answers`` by asking; returns them with whether to create a new customer."""
    from salescoach.usecases.debrief import customer_exists

    console = _console()
    data = dict(answers)
    if "customer" not in data:
        data["customer"] = _ask(console, _("Customer"))
    known = customer_exists(app, data["customer"])
    if known is None and not create:
        create = (
            _ask(console, _("{name} is not in your book. Add them?").format(name=data["customer"]), "y", ("y", "n"))
            == "y"
        )
        if not create:
            from salescoach.errors import NotFound

            raise NotFound(
                _("no customer matches {reference!r}").format(reference=data["customer"]), hint=_("nothing was saved")
            )
    playbook = app.customer_playbook(known.playbook if known else None).data
    if "date" not in data:
        data["date"] = _ask_date(console, app, _("Date"), _("today"))
    if "channel" not in data:
        data["channel"] = _ask(console, _("Channel"), "visit", v.CHANNELS)
    if "topics" not in data:
        topics = _ask(console, _("Topics covered (comma-separated)"), FINISH)
        data["topics"] = [topic.strip() for topic in topics.split(",") if topic.strip()]
    if "notes" not in data:
        who = (known, known.name if known else data["customer"])
        data["notes"] = _ask_notes(console, playbook, who)
        for kind, question in (
            ("need", _("Needs they mentioned (Enter to skip)")),
            ("pain", _("Pain points they shared (Enter to skip)")),
        ):
            answer = _ask(console, question, FINISH)
            if answer:
                data["notes"].append(_with_phrase(console, playbook, who, kind, answer))
    for letter, question in (
        ("feedback", _("F — Feedback: their view of this conversation")),
        ("benefit", _("B — Benefit: the value you promised for the next contact")),
        ("opportunity", _("O — Opportunity: the opening left for the next contact")),
    ):
        if letter not in data:
            data[letter] = _ask(console, question, FINISH) or None
    if "outcome" not in data:
        data["outcome"] = _ask(console, _("Outcome"), "none", v.OUTCOMES)
    if data["outcome"] == "sale" and "amount" not in data:
        data["amount"] = _ask(console, _("Amount"))
        data["product"] = _ask(console, _("Product"), FINISH) or None
    if data["outcome"] == "lost" and "lost_reason" not in data:
        for cause, detail in playbook["churn"]["causes"].items():
            console.print(f"  {cause}: {detail['label']}", markup=False)
        data["lost_reason"] = _ask(console, _("Why was the customer lost?"), None, v.CHURN_CAUSES)
    if "tier" not in data:
        for tier, rule in playbook["topics"]["followup"]["tiers"].items():
            console.print(f"  {tier}: {rule['criteria']}", markup=False)
        data["tier"] = _ask(console, _("Tier"), (known.tier if known else None) or "general", v.TIERS)
    if "answered" not in data:
        for number, key in enumerate(v.QUESTIONS, 1):
            console.print(f"  {number}. {playbook['questions'][key]['question']}", markup=False)
        picked = _ask(console, _("Which of the six questions did you answer? (numbers, comma-separated)"), FINISH)
        data["answered"] = _question_ids(picked)
    if "promises" not in data:
        data["promises"] = _ask_promises(console, app, playbook, (known, known.name if known else data["customer"]))
    if data["outcome"] != "lost" and "next" not in data:
        from salescoach.core.agenda import next_touch
        from salescoach.core.dates import parse_day

        default_day, default_channel = next_touch(playbook, data["tier"], parse_day(data["date"], app.today))
        default_type = "unfinished" if data.get("benefit") or data["promises"] else "care"
        data["next"] = {
            "date": _ask_date(console, app, _("Next follow-up date"), default_day.isoformat()),
            "channel": _ask(console, _("Next follow-up channel"), default_channel, v.CHANNELS),
            "type": _ask(console, _("Next follow-up type"), default_type, v.FOLLOWUP_TYPES),
        }
    if "checks" not in data:
        data["checks"] = _ask_checks(console, playbook)
    return data, create


def _ask_checks(console, playbook: dict) -> dict[str, bool]:
    """The scorecard's checklist: one keypress a habit (y or n; anything else skips it)."""
    import sys

    import typer

    from salescoach.core.scorecard import phase_of

    console.print(_("How did it go? y yes, n no, any other key skips."), markup=False)
    checks = {}
    for check in v.ASKED_CHECKS:
        label = playbook["scorecard"][phase_of(check)]["checks"][check]["label"]
        console.print(f"  {label}? ", markup=False, end="")
        if sys.stdin.isatty():
            key = typer.getchar()
        else:
            key = sys.stdin.readline()
            if not key:
                raise EOFError
        key = key.strip().lower()[:1]
        console.print(key or "-", markup=False)
        if key in ("y", "n"):
            checks[check] = key == "y"
    return checks


def _ask_notes(console, playbook: dict, who: tuple) -> list[dict]:
    notes = []
    kinds = (*v.NOTE_KINDS, FINISH)
    while True:
        kind = _ask(
            console,
            _("Something learned? Its kind (Enter when done)"),
            FINISH,
            kinds,
        )
        if kind == FINISH:
            return notes
        notes.append(_with_phrase(console, playbook, who, kind, _ask(console, _("What"))))


def _with_phrase(console, playbook: dict, who: tuple, kind: str, text: str, question: str | None = None) -> dict:
    """A note (or a promise, ``kind`` promise), with the rep's phrase for speaking of it when they give one; the
    line it makes is shown first, so the rep hears it before keeping it (Enter keeps it without a phrase)."""
    from salescoach.core.details import say_preview

    note = {"text": text} if kind == "promise" else {"kind": kind, "text": text}
    while True:
        say = _ask(console, question or _("How would you say it to them? A short phrase (Enter to skip)"), FINISH)
        preview = say and say_preview(playbook, *who, kind, text, say)
        if not preview:
            return {**note, "say": say} if say else note
        console.print(_("It reads: {line}").format(line=preview), markup=False)
        if _ask(console, _("Keep this phrase?"), "y", ("y", "n")) == "y":
            return {**note, "say": say}


def _ask_promises(console, app, playbook: dict, who: tuple) -> list[dict]:
    promises = []
    while True:
        text = _ask(console, _("A promise you made (Enter when done)"), FINISH)
        if not text:
            return promises
        question = _('What it delivers, as you will say it to them, e.g. "the fee table" (Enter to skip)')
        promise = _with_phrase(console, playbook, who, "promise", text, question)
        promises.append({**promise, "due": _ask_date(console, app, _("Due"), _("+3d"))})


def _question_ids(picked: str) -> list[str]:
    ids = []
    for part in picked.replace(" ", ",").split(","):
        part = part.strip()
        if part.isdigit() and 1 <= int(part) <= len(v.QUESTIONS):
            ids.append(v.QUESTIONS[int(part) - 1])
        elif part in v.QUESTIONS:
            ids.append(part)
    return ids
