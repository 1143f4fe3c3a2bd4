"""`salescoach prep CUSTOMER`: the brief before a meeting."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, PlaybookOption, complete_customer


def register(app: typer.Typer) -> None:
    app.command("prep")(prep)


@clean_errors
def prep(
    ctx: typer.Context,
    customer: Annotated[
        str,
        typer.Argument(
            help="Customer id or name; a new name gets a first-visit brief.", autocompletion=complete_customer
        ),
    ],
    playbook: PlaybookOption = None,
    stage: Annotated[int | None, typer.Option(min=1, max=3, help="Plan for this stage (1, 2 or 3).")] = None,
    full: Annotated[
        bool, typer.Option("--full", help="The whole method reference: six questions, visit plan, tactics.")
    ] = False,
    walk: Annotated[bool, typer.Option("--walk", help="Walk through the visit phase by phase, then debrief.")] = False,
    json_: JsonOption = False,
) -> None:
    """Print a one-screen brief for a meeting: what you owe, today's aim, the opener, the close, what you know.

    Example: salescoach prep "Lee Jiwoo"   (--full for the whole method reference)
    """
    import shutil

    from salescoach.render.brief import brief_page, full_page
    from salescoach.render.output import Output
    from salescoach.usecases.prep import prepare

    app = current_app(ctx)
    brief = prepare(app, customer, playbook, stage)
    if walk:
        from salescoach.cli.walk import walk_through

        walk_through(app, brief)
        return
    width = shutil.get_terminal_size().columns  # COLUMNS, the window, or 80 into a pipe
    Output(json_).page(brief, lambda: full_page(brief, width) if full else brief_page(brief, width))
