"""`salescoach debrief [CUSTOMER]`: record what happened, right after the contact.

Answers come from flags, a YAML file (``--from-file``), or prompts for whatever the flags left open. Nothing is
written until every answer is in and valid.
"""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption
from salescoach.i18n import _

Many = list[str] | None


def register(app: typer.Typer) -> None:
    app.command("debrief")(debrief)


@clean_errors
def debrief(
    ctx: typer.Context,
    customer: Annotated[str | None, typer.Argument(help="Customer id or name (asked if missing).")] = None,
    from_file: Annotated[Path | None, typer.Option("--from-file", help="Read the debrief from a YAML file.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt: flags only.")] = False,
    create: Annotated[bool, typer.Option("--create", help="Create the customer if they are new.")] = False,
    date: Annotated[str | None, typer.Option(help="When: YYYY-MM-DD, today, yesterday, -2d (default today).")] = None,
    channel: Annotated[str | None, typer.Option(help="visit, phone, sms, video or event.")] = None,
    topic: Annotated[Many, typer.Option("--topic", help="A topic covered (repeat).")] = None,
    note: Annotated[
        Many, typer.Option("--note", help="KIND:TEXT learned, e.g. family:'twins aged 5' (repeat).")
    ] = None,
    need: Annotated[Many, typer.Option("--need", help="A need they mentioned (repeat).")] = None,
    pain: Annotated[Many, typer.Option("--pain", help="A pain point they shared (repeat).")] = None,
    feedback: Annotated[str | None, typer.Option(help="F: their view of this conversation.")] = None,
    benefit: Annotated[str | None, typer.Option(help="B: the value you promised for the next contact.")] = None,
    opportunity: Annotated[str | None, typer.Option(help="O: the opening left for the next contact.")] = None,
    outcome: Annotated[str | None, typer.Option(help="none, progress, sale or lost.")] = None,
    amount: Annotated[float | None, typer.Option(help="Sale amount (with --outcome sale).")] = None,
    product: Annotated[str | None, typer.Option(help="What they bought (with --outcome sale).")] = None,
    lost_reason: Annotated[str | None, typer.Option(help="With --outcome lost: one of the seven churn causes.")] = None,
    tier: Annotated[str | None, typer.Option(help="hot, warm or general.")] = None,
    stage: Annotated[int | None, typer.Option(help="Relationship stage you judge: 1, 2 or 3.")] = None,
    answered: Annotated[
        Many,
        typer.Option("--answered", help="A question you answered: who, what, relevance, trust, choose, now (repeat)."),
    ] = None,
    promise: Annotated[Many, typer.Option("--promise", help="TEXT@DUE you promised, e.g. 'send rates@+3d'.")] = None,
    next_date: Annotated[str | None, typer.Option(help="Next follow-up date (default: the tier's cadence).")] = None,
    next_channel: Annotated[str | None, typer.Option(help="Next follow-up channel.")] = None,
    next_type: Annotated[str | None, typer.Option(help="Next follow-up type: unfinished, help, info, care.")] = None,
    check: Annotated[
        Many,
        typer.Option(
            "--check",
            help="A habit you kept (repeat; the others asked count as missed): name_title, opener, thanks, needs,"
            " feelings, options, explained_no, no_pressure.",
        ),
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Record a contact: FBO, what you learned, promises, outcome, tier, and the next step.

    Examples: salescoach debrief "Lee Jiwoo"   ·   salescoach debrief --from-file visit.yaml
    """
    from salescoach.cli.debrief_prompts import ask_missing
    from salescoach.render.debrief import debrief_page
    from salescoach.render.output import Output
    from salescoach.usecases import debrief as use_case
    from salescoach.usecases.debrief_input import validate

    app = current_app(ctx)
    answers = _from_flags(
        customer=customer,
        date=date,
        channel=channel,
        topics=topic,
        notes=note,
        needs=need,
        pains=pain,
        feedback=feedback,
        benefit=benefit,
        opportunity=opportunity,
        outcome=outcome,
        amount=amount,
        product=product,
        lost_reason=lost_reason,
        tier=tier,
        stage=stage,
        answered=answered,
        promises=promise,
        next_date=next_date,
        next_channel=next_channel,
        next_type=next_type,
        checks=check,
    )
    if from_file is not None:
        if answers:
            from salescoach.errors import InvalidInput

            raise InvalidInput(
                _("--from-file: the file holds the whole debrief; give {given} in the file instead").format(
                    given=", ".join(_given(ctx))
                )
            )
        entry = use_case.read_file(app, from_file)
    else:
        if not no_input:
            answers, create = ask_missing(app, answers, create)
        entry = validate(answers, app.today, "")
    result = use_case.record(app, entry, create)
    Output(json_).page(result, lambda: debrief_page(result))


def _from_flags(**flags) -> dict:
    """Flags as debrief data, leaving out what was not given (so prompts can ask for it)."""
    from salescoach.errors import InvalidInput

    data: dict = {}
    for key in (
        "customer",
        "date",
        "channel",
        "feedback",
        "benefit",
        "opportunity",
        "outcome",
        "amount",
        "product",
        "lost_reason",
        "tier",
        "stage",
    ):
        if flags[key] is not None:
            data[key] = flags[key]
    if flags["topics"]:
        data["topics"] = flags["topics"]
    notes = []
    for text in flags["notes"] or []:
        kind, sep, body = text.partition(":")
        if not sep:
            raise InvalidInput(_("--note: {text!r} should be KIND:TEXT, e.g. family:twins aged 5").format(text=text))
        notes.append({"kind": kind.strip(), "text": body})
    notes += [{"kind": "need", "text": text} for text in flags["needs"] or []]
    notes += [{"kind": "pain", "text": text} for text in flags["pains"] or []]
    if notes:
        data["notes"] = notes
    if flags["answered"]:
        data["answered"] = flags["answered"]
    promises = []
    for text in flags["promises"] or []:
        body, sep, due = text.rpartition("@")
        if not sep:
            raise InvalidInput(
                _("--promise: {text!r} should be TEXT@DUE, e.g. 'send the rate sheet@+3d'").format(text=text)
            )
        promises.append({"text": body, "due": due})
    if promises:
        data["promises"] = promises
    if flags["checks"]:
        data["checks"] = flags["checks"]
    next_touch = {"date": flags["next_date"], "channel": flags["next_channel"], "type": flags["next_type"]}
    if any(value is not None for value in next_touch.values()):  # a channel or type alone keeps the cadence's date
        data["next"] = next_touch
    return data


def _given(ctx: typer.Context) -> list[str]:
    """The answers given on the command line, as the rep typed them (``CUSTOMER``, ``--feedback``)."""
    answers = {"from_file", "no_input", "create", "json_"}
    return [
        param.opts[0] if param.param_type_name == "option" else param.human_readable_name
        for param in ctx.command.params
        if param.name not in answers and ctx.get_parameter_source(param.name).name == "COMMANDLINE"
    ]
