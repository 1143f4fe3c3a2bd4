"""`salescoach coach`: how your habits are going, from the scorecards of your debriefs."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, day_option


def register(app: typer.Typer) -> None:
    app.command("coach")(coach)


@clean_errors
def coach(
    ctx: typer.Context,
    from_: Annotated[str | None, typer.Option("--from", help="Start day (default: a year before --to).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="End day (default: today).")] = None,
    customer: Annotated[str | None, typer.Option("--customer", "-c", help="Only visits with this customer.")] = None,
    json_: JsonOption = False,
) -> None:
    """Show each habit of the visit scorecard: the last 5 visits against the 5 before, by month, and the weakest.

    Example: salescoach coach --from 2026-01-01
    """
    from salescoach.render.coach import coach_page
    from salescoach.render.output import Output
    from salescoach.usecases.coach import coach as compute

    app = current_app(ctx)
    result = compute(app, day_option(app, from_, "--from"), day_option(app, to, "--to"), customer)
    Output(json_).page(result, lambda: coach_page(result))
