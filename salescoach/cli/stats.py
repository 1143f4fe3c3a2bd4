"""`salescoach stats`: the book by tier and stage, promises kept, churn, and the performance formula."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, day_option


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)


@clean_errors
def stats(
    ctx: typer.Context,
    from_: Annotated[str | None, typer.Option("--from", help="Start day (default: a year before --to).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="End day (default: today).")] = None,
    margin: Annotated[float | None, typer.Option(help="Your margin as a fraction, e.g. 0.2.")] = None,
    json_: JsonOption = False,
) -> None:
    """Show the book by tier and stage, follow-ups and promises on time, churn, and month-by-month trends.

    Example: salescoach stats --from 2026-01-01 --margin 0.2
    """
    from salescoach.render.output import Output
    from salescoach.render.stats import render_stats
    from salescoach.usecases.stats import stats as compute

    app = current_app(ctx)
    result = compute(app, day_option(app, from_, "--from"), day_option(app, to, "--to"), margin)
    Output(json_).result(result, render_stats(result))
