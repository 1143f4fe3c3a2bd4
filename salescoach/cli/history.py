"""`salescoach history CUSTOMER`: the whole timeline of one relationship."""

from __future__ import annotations

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption


def register(app: typer.Typer) -> None:
    app.command("history")(history)


@clean_errors
def history(
    ctx: typer.Context,
    customer: Annotated[str, typer.Argument(help="Customer id, name or unique start of the name.")],
    json_: JsonOption = False,
) -> None:
    """Show visits with their FBO, notes, promises, follow-ups, purchases and the emotional bank account.

    Example: salescoach history "Lee Jiwoo" --json
    """
    from salescoach.render.history import render_history
    from salescoach.render.output import Output
    from salescoach.usecases.history import history as customer_history

    who, timeline = customer_history(current_app(ctx), customer)
    Output(json_).result({"customer": who, **timeline._asdict()}, render_history(who, timeline))
