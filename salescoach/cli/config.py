"""`salescoach config`: your settings (language, default playbook)."""

from __future__ import annotations

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption

app = typer.Typer(help="Show and change settings: language, default playbook.", no_args_is_help=True)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="config")


@app.command("get")
@clean_errors
def get(
    ctx: typer.Context,
    key: Annotated[str | None, typer.Argument(help="language or playbook (all when omitted).")] = None,
    json_: JsonOption = False,
) -> None:
    """Show settings. Example: salescoach config get language"""
    from salescoach import settings
    from salescoach.errors import InvalidInput
    from salescoach.render.output import Output
    from salescoach.render.widgets import pairs

    current = settings.read(current_app(ctx).where.config)
    if key is not None and key not in settings.KEYS:
        raise InvalidInput(f"unknown setting {key!r}: use one of {', '.join(settings.KEYS)}")
    shown = {name: current.get(name) for name in ([key] if key else settings.KEYS)}
    Output(json_).result(shown, lambda console: console.print(pairs(list(shown.items()))))


@app.command("set")
@clean_errors
def set_(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="language or playbook.")],
    value: Annotated[str, typer.Argument(help="The new value; empty to unset.")],
) -> None:
    """Change a setting. Example: salescoach config set language ko"""
    from salescoach import settings
    from salescoach.paths import ensure_private_dir
    from salescoach.render.output import Output

    app_ = current_app(ctx)
    current = settings.read(app_.where.config)
    if value:
        current[key] = value
    else:
        current.pop(key, None)
    settings.check(current)
    if key == "playbook" and value:
        app_.playbook(value)
    ensure_private_dir(app_.where.home)
    settings.write(app_.where.config, current)
    Output().status(f"{key} = {value or '(unset)'}")
