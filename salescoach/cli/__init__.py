"""The command line: one Typer app, each command group in its own module, registered here and nowhere else.

Command modules import only Typer at load time; use cases, the store, playbooks and Rich are imported inside the
commands that need them, so ``salescoach --help`` and ``salescoach followup`` start fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from salescoach.cli import backup, config, customer, debrief, demo, followup, history, paths, playbook, prep, profile

app = typer.Typer(
    name="salescoach",
    help="A sales coach for field reps: prep before a meeting, debrief after it, follow up every morning.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def root(
    ctx: typer.Context,
    lang: Annotated[str | None, typer.Option("--lang", help="Interface and playbook language: en or ko.")] = None,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """A sales coach for field reps: prep before a meeting, debrief after it, follow up every morning.

    Data lives in $SALESCOACH_HOME (or your platform's data folder): `salescoach paths` shows where.
    """
    if version:
        from salescoach import __version__

        typer.echo(__version__)
        raise typer.Exit()
    ctx.obj = {"lang": lang}


prep.register(app)
debrief.register(app)
followup.register(app)
history.register(app)
paths.register(app)
backup.register(app)
demo.register(app)
config.register(app)
app.add_typer(customer.app, name="customer")
app.add_typer(playbook.app, name="playbook")
app.add_typer(profile.app, name="profile")


def main() -> None:
    """Console-script entry point."""
    app()
