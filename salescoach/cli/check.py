"""`salescoach check`: read a drafted SMS or e-mail against the method before sending it."""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, PlaybookOption


def register(app: typer.Typer) -> None:
    app.command("check")(check)


@clean_errors
def check(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Argument(metavar="[TEXT]", help="The draft; '-' or nothing reads standard input.")
    ] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the draft from this file.")] = None,
    playbook: PlaybookOption = None,
    customer: Annotated[
        str | None, typer.Option("--customer", "-c", help="Who it is for: their name counts, their pack's rules apply.")
    ] = None,
    json_: JsonOption = False,
) -> None:
    """Check a drafted message for pressure, false urgency, claims you may not make and missing courtesies.

    Each finding names the words, the rule, why, and a neutral rewrite. Findings are advice, not failures: the
    exit status is 0 whenever the check ran.

    Example: salescoach check --customer "Park Soyeon" "Last chance: rates end tonight!"
    """
    from salescoach.render.check import check_page
    from salescoach.render.output import Output
    from salescoach.usecases.check import check as run_check
    from salescoach.usecases.check import read_message

    app = current_app(ctx)
    if text is None and file is None and _stdin_is_terminal():
        from salescoach.errors import InvalidInput
        from salescoach.i18n import _

        raise InvalidInput(_("give the message to check"), hint=_('salescoach check "Ms. Park, thank you for ..."'))
    result = run_check(app, read_message(text, file), playbook, customer)
    payload = {"findings": [finding._asdict() for finding in result.findings]}
    Output(json_).page(payload, lambda: check_page(result))


def _stdin_is_terminal() -> bool:
    import sys

    return sys.stdin is not None and sys.stdin.isatty()
