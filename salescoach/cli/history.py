"""`salescoach history CUSTOMER`: the whole timeline of one relationship."""

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import CustomerArgument, JsonOption


def register(app: typer.Typer) -> None:
    app.command("history")(history)


@clean_errors
def history(
    ctx: typer.Context,
    customer: CustomerArgument,
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
