"""`salescoach paths`: where the data, playbooks and config live."""

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption


def register(app: typer.Typer) -> None:
    app.command("paths")(show_paths)


@clean_errors
def show_paths(ctx: typer.Context, json_: JsonOption = False) -> None:
    """Show where salescoach keeps the store, your playbooks, config and backups.

    Set SALESCOACH_HOME to move all of them; with a team database set, "database" is its address.
    Example: salescoach paths --json
    """
    from salescoach.playbook.loader import shipped_folder
    from salescoach.render.output import Output
    from salescoach.render.widgets import pairs
    from salescoach.store import database_url

    where = current_app(ctx).where
    found = {
        "home": str(where.home),
        "database": database_url(where) or str(where.database),  # the team server's address when one is set
        "playbooks": str(where.playbooks),
        "shipped_playbooks": str(shipped_folder()),
        "config": str(where.config),
        "cache": str(where.cache),
        "backups": str(where.backups),
    }
    Output(json_).result(found, lambda console: console.print(pairs(list(found.items()))))
