"""`salescoach drill`: practise the lines of your own packs, scheduled by spaced repetition."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption

app = typer.Typer(help="Practise refusals, the six questions, neutral phrasing and follow-ups.")

LimitOption = Annotated[int, typer.Option("--limit", "-n", min=0, max=1000, help="At most this many cards.")]
PackOption = Annotated[str | None, typer.Option("--pack", help="Only this pack's cards (see `playbook list`).")]


@app.callback(invoke_without_command=True)
@clean_errors
def drill(ctx: typer.Context, limit: LimitOption = 10, pack: PackOption = None) -> None:
    """Practise today's due cards: read the customer's line, answer, see the model answers, rate yourself.

    Every rating is saved at once, so stopping halfway (Ctrl-C) keeps the reviews done.

    Example: salescoach drill --limit 5
    """
    if ctx.invoked_subcommand is not None:
        return
    from salescoach.cli.drill_session import run_session

    run_session(current_app(ctx), limit, pack)


@app.command("list")
@clean_errors
def list_due(ctx: typer.Context, limit: LimitOption = 1000, pack: PackOption = None, json_: JsonOption = False) -> None:
    """List the practice cards due today, the weakest habit's first. Example: salescoach drill list --json"""
    from salescoach.render.drill import due_page
    from salescoach.render.output import Output
    from salescoach.usecases.drill import due_today

    result = due_today(current_app(ctx), pack, limit)
    payload = [
        {"id": card.id, "kind": card.kind, "pack": card.pack, "front": card.front, "due": result.due[card.id]}
        for card in result.cards
    ]
    Output(json_).page(payload, lambda: due_page(result))


@app.command("rate")
@clean_errors
def rate(
    ctx: typer.Context,
    card: Annotated[str, typer.Argument(help="The card's id (see `drill list`).")],
    rating: Annotated[str, typer.Argument(help="again, hard, good or easy.")],
) -> None:
    """Rate one card from a script. Example: salescoach drill rate core.refusal.no_time good"""
    from salescoach.render.drill import rated_line
    from salescoach.render.output import Output
    from salescoach.usecases.drill import rate as record

    Output().status(rated_line(record(current_app(ctx), card, rating)))


@app.command("stats")
@clean_errors
def stats(ctx: typer.Context, json_: JsonOption = False) -> None:
    """Show cards practised, due, retention and streaks. Example: salescoach drill stats --json"""
    from salescoach.render.drill import stats_page
    from salescoach.render.output import Output
    from salescoach.usecases.drill import stats as compute

    result = compute(current_app(ctx))
    Output(json_).page(result, lambda: stats_page(result))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="drill")
