"""`salescoach playbook ...`: the coaching content, as YAML you can read, override and check."""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption
from salescoach.errors import EXIT_USAGE
from salescoach.i18n import _

app = typer.Typer(help="List, show and validate playbooks.", no_args_is_help=True)


@app.command("list")
@clean_errors
def list_playbooks(ctx: typer.Context, json_: JsonOption = False) -> None:
    """List shipped and your own playbooks. Example: salescoach playbook list"""
    from salescoach.render.output import Output
    from salescoach.render.playbooks import render_listing
    from salescoach.usecases import playbooks

    found = playbooks.listing(current_app(ctx))
    Output(json_).result(found, render_listing(found))


@app.command("show")
@clean_errors
def show_playbook(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Playbook name, e.g. core.")],
    json_: JsonOption = False,
) -> None:
    """Show a playbook merged with what it extends. Example: salescoach playbook show core --json"""
    from salescoach.render.output import Output
    from salescoach.render.playbooks import render_playbook
    from salescoach.usecases import playbooks

    data = playbooks.show(current_app(ctx), name)
    Output(json_).result(data, render_playbook(data))


@app.command("validate")
@clean_errors
def validate_playbooks(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Playbook YAML files to check.")],
) -> None:
    """Check playbook files; each problem is printed as file:line: field: message.

    Example: salescoach playbook validate ~/my-playbooks/bank.yaml
    """
    import sys

    from salescoach.render.output import Output, visible
    from salescoach.usecases import playbooks

    problems = playbooks.validate(current_app(ctx), paths)
    for problem in problems:
        sys.stderr.write(visible(problem) + "\n")
    if problems:
        raise typer.Exit(EXIT_USAGE)
    Output().status(_("{count} playbook(s) valid.").format(count=len(paths)))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="playbook")
