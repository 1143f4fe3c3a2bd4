"""Options several commands share, declared once."""

from typing import Annotated

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts (shapes in the README).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
PlaybookOption = Annotated[str | None, typer.Option("--playbook", "-p", help="Playbook to use (see `playbook list`).")]


def complete_customer(incomplete: str) -> list[str]:
    """Shell completion for customer names: a prefix lookup in the store (an index range scan)."""
    from salescoach.paths import locations
    from salescoach.store import opened

    try:
        with opened(locations()) as store:
            return [customer.name for customer in store.customers_starting(incomplete, limit=50)]
    except Exception:  # noqa: BLE001 - completion must never break the shell, whatever the store's state
        return []


CustomerArgument = Annotated[
    str,
    typer.Argument(help="Customer id, full name, or a unique start of the name.", autocompletion=complete_customer),
]


def day_option(app, text: str | None, field: str, planned: bool = False):
    """A date option as reps type it (``friday``, ``+3d``, ``내일``), relative to the app's today; None stays None.

    ``planned`` is for a day to get in touch (``--next``, ``--to``, ``--on``), which may not be in the past.
    """
    from salescoach.core.dates import DateError, parse_day, planned_day
    from salescoach.errors import InvalidInput
    from salescoach.usecases.dates import date_problem

    if text is None:
        return None
    try:
        return (planned_day if planned else parse_day)(text, app.today)
    except DateError as error:
        raise InvalidInput(f"{field}: {date_problem(error)}") from None
