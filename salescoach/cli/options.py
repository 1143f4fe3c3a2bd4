"""Options several commands share, declared once."""

from __future__ import annotations

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
