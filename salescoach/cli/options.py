"""Options several commands share, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts (shapes in the README).")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
PlaybookOption = Annotated[str | None, typer.Option("--playbook", "-p", help="Playbook to use (see `playbook list`).")]
