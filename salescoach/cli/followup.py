"""`salescoach followup`: today's calls and visits, each with a script; and done, snooze, add."""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, day_option
from salescoach.core.vocabulary import word
from salescoach.i18n import _

app = typer.Typer(
    help="Today's follow-ups and promises, each with a ready script, and customers drifting away.",
    invoke_without_command=True,
)

DateText = Annotated[str | None, typer.Option("--date", help="Day to plan: YYYY-MM-DD, today, tomorrow, +3d, friday.")]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="followup")


@app.callback()
@clean_errors
def followup(
    ctx: typer.Context,
    date: DateText = None,
    days: Annotated[
        int | None, typer.Option("--days", min=1, max=366, help="Include the next N days (default 1; 30 with --ics).")
    ] = None,
    why: Annotated[bool, typer.Option("--why", help="Show each item's priority score and its terms.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Show the first N items (0: all).")] = 20,
    ics: Annotated[Path | None, typer.Option("--ics", help="Write the items as a calendar (.ics) file.")] = None,
    json_: JsonOption = False,
) -> None:
    """List what is due today (or on --date, or over --days), highest priority first, with a script each.

    Example: salescoach followup --days 7 --why   ·   salescoach followup --ics followups.ics
    """
    if ctx.invoked_subcommand:
        return
    from salescoach.render.output import Output
    from salescoach.usecases.followup import agenda

    application = current_app(ctx)
    if ics is not None:
        given = [name for name, used in (("--json", json_), ("--why", why), ("--limit", _given(ctx, "limit"))) if used]
        if given:
            from salescoach.errors import InvalidInput

            raise InvalidInput(
                _("--ics writes every item to the calendar file; {given} cannot go with it").format(
                    given=", ".join(given)
                )
            )
    found = agenda(
        application, day_option(application, date, "--date"), days or (30 if ics else 1), 0 if ics else limit
    )
    for name, problem in found.broken_playbooks:
        Output().status(
            _("Playbook {name} does not load, so its customers got the default one: {problem}").format(
                name=name, problem=problem
            )
        )
    if ics is not None:
        from salescoach.files import write_private
        from salescoach.render.calendar import agenda_ics

        write_private(ics, agenda_ics(found))
        Output().status(_("Wrote {count} events to {path}").format(count=len(found.items), path=ics))
        return
    from salescoach.render.agenda import agenda_json, agenda_page

    Output(json_).page(agenda_json(found) if json_ else found, lambda: agenda_page(found, why))


def _given(ctx: typer.Context, name: str) -> bool:
    return ctx.get_parameter_source(name).name == "COMMANDLINE"


@app.command("done")
@clean_errors
def done(
    ctx: typer.Context,
    item: Annotated[
        str, typer.Argument(help="Item id from the list: f12 (follow-up), p3 (promise) or d2 (important date).")
    ],
    note: Annotated[str | None, typer.Option("--note", help="What happened.")] = None,
    next_: Annotated[
        str | None, typer.Option("--next", help="When to get in touch next (default: tier cadence).")
    ] = None,
    no_next: Annotated[bool, typer.Option("--no-next", help="Do not plan a next touch.")] = False,
) -> None:
    """Mark a follow-up done, a promise kept or an important date handled; a follow-up plans the next touch.

    Example: salescoach followup done f12 --note "sent the rate sheet" --next +2w
    """
    from salescoach.render.output import Output
    from salescoach.usecases.followup import done as finish

    application = current_app(ctx)
    if next_ is not None and no_next:
        from salescoach.errors import InvalidInput

        raise InvalidInput(_("--next and --no-next contradict each other: give one"))
    result = finish(application, item, note, day_option(application, next_, "--next", planned=True), not no_next)
    output = Output()
    if result.kind == "promise":
        kept = _("on time: a deposit in the emotional bank account") if result.on_time else _("late: a withdrawal")
        output.status(_("Promise kept for {name}, {kept}.").format(name=result.customer.name, kept=kept))
    elif result.kind == "date":
        output.status(
            _("Done: {what} of {name} ({day}); it is off the list until the next one.").format(
                what=result.date_name, name=result.customer.name, day=result.date.handled
            )
        )
    else:
        output.status(_("Done: {name}.").format(name=result.customer.name))
    if result.next:
        output.status(
            _("Next touch f{id}: {due} by {channel}.").format(
                id=result.next.id, due=result.next.due, channel=word(result.next.channel)
            )
        )


@app.command("snooze")
@clean_errors
def snooze(
    ctx: typer.Context,
    item: Annotated[str, typer.Argument(help="Follow-up id, e.g. f12.")],
    to: Annotated[str, typer.Option("--to", help="New date: YYYY-MM-DD, tomorrow, +3d, monday.")],
) -> None:
    """Move a follow-up to another day. Example: salescoach followup snooze f12 --to monday"""
    from salescoach.render.output import Output
    from salescoach.usecases.followup import snooze as move

    application = current_app(ctx)
    moved = move(application, item, day_option(application, to, "--to", planned=True))
    Output().status(_("f{id} moved to {due}.").format(id=moved.id, due=moved.due))


@app.command("add")
@clean_errors
def add(
    ctx: typer.Context,
    customer: Annotated[str, typer.Argument(help="Customer id or name.")],
    on: Annotated[str, typer.Option("--on", help="When: YYYY-MM-DD, tomorrow, +3d, friday.")],
    type_: Annotated[str, typer.Option("--type", help="unfinished, help, info or care.")] = "care",
    channel: Annotated[str | None, typer.Option("--channel", help="visit, phone, sms, video or event.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="What it is about.")] = None,
) -> None:
    """Plan a touch with a customer. Example: salescoach followup add "Lee Jiwoo" --on friday --type info"""
    from salescoach.render.output import Output
    from salescoach.usecases.followup import add as plan

    application = current_app(ctx)
    customer_, planned = plan(
        application, customer, day_option(application, on, "--on", planned=True), type_, channel, note
    )
    Output().status(
        _("Planned f{id}: {name}, {due} by {channel} ({type}).").format(
            id=planned.id, name=customer_.name, due=planned.due, channel=word(planned.channel), type=word(planned.type)
        )
    )
