"""`salescoach backup` and `salescoach restore`: keep the book safe."""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, YesOption
from salescoach.i18n import _, customer_count


def register(app: typer.Typer) -> None:
    app.command("backup")(backup)
    app.command("restore")(restore)


@clean_errors
def backup(
    ctx: typer.Context,
    path: Annotated[Path | None, typer.Argument(help="File or folder (default: the backups folder).")] = None,
    json_: JsonOption = False,
) -> None:
    """Back up the store; safe while other salescoach commands run.

    Example: salescoach backup ~/Documents/salescoach-2026-11-25.db
    """
    from salescoach.render.output import Output
    from salescoach.usecases.backup import backup as make_backup

    result = make_backup(current_app(ctx), path)
    output = Output(json_)
    output.result(
        result,
        lambda console: console.print(
            _("Backed up {customers} to {path}").format(customers=customer_count(result.customers), path=result.path),
            markup=False,
            highlight=False,
        ),
    )


@clean_errors
def restore(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A backup made by `salescoach backup`.")],
    yes: YesOption = False,
    json_: JsonOption = False,
) -> None:
    """Restore the store from a backup; the current store is saved in the backups folder first.

    Example: salescoach restore ~/Documents/salescoach-2026-11-25.db
    """
    from salescoach.render.output import Output, visible
    from salescoach.usecases.backup import restore as bring_back

    def confirm(customers: int) -> bool:
        question = _("Replace your current book ({customers}) with {path}?")
        return yes or typer.confirm(question.format(customers=customer_count(customers), path=visible(path)))

    result = bring_back(current_app(ctx), path, confirm)
    if result is None:
        Output().status(_("Nothing was restored."))
        return
    Output(json_).result(
        result,
        lambda console: console.print(
            _("Restored {customers} from {source}; the previous book is saved at {kept}").format(
                customers=customer_count(result.customers), source=result.restored_from, kept=result.previous_saved_to
            ),
            markup=False,
            highlight=False,
        ),
    )
