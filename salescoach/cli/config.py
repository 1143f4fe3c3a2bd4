"""`salescoach config`: your settings (language, default playbook) and your profile, in one place."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption

app = typer.Typer(
    help="Show and change settings: language, default playbook, team database, your profile.", no_args_is_help=True
)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="config")


@app.command("get")
@clean_errors
def get(
    ctx: typer.Context,
    key: Annotated[str | None, typer.Argument(help="language, playbook or profile.FIELD (all when omitted).")] = None,
    json_: JsonOption = False,
) -> None:
    """Show settings. Example: salescoach config get language"""
    from salescoach.render.output import Output
    from salescoach.render.widgets import pairs
    from salescoach.usecases import config

    shown = config.get(current_app(ctx), key)
    Output(json_).result(
        shown, lambda console: console.print(pairs([(k, v if v is not None else "—") for k, v in shown.items()]))
    )


@app.command("set")
@clean_errors
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="language, playbook or profile.FIELD (name, company, title, ...).")],
    value: Annotated[str, typer.Argument(help="The new value; empty to unset.")],
) -> None:
    """Change a setting. Example: salescoach config set language ko   ·   salescoach config set profile.name "Kim" """
    from salescoach.render.output import Output
    from salescoach.usecases import config

    config.set_(current_app(ctx), key, value)
    Output().status(f"{key} = {value or '(unset)'}")
