"""`salescoach profile`: who you are, for the "who are you?" and "why trust you?" questions."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption

app = typer.Typer(help="Your own profile: name, company, title, credentials, references.", invoke_without_command=True)


@app.callback()
@clean_errors
def show_profile(ctx: typer.Context, json_: JsonOption = False) -> None:
    """Show your profile. Example: salescoach profile --json"""
    if ctx.invoked_subcommand:
        return
    from salescoach.render.customers import render_profile
    from salescoach.render.output import Output
    from salescoach.usecases import profile

    found = profile.show(current_app(ctx))
    Output(json_).result(found, render_profile(found))


@app.command("set")
@clean_errors
def set_profile(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Your name.")] = None,
    company: Annotated[str | None, typer.Option(help="Your company.")] = None,
    title: Annotated[str | None, typer.Option(help="Your title.")] = None,
    years: Annotated[int | None, typer.Option(help="Years in the job (0 to 80).")] = None,
    credentials: Annotated[str | None, typer.Option(help="Licences, awards, certifications.")] = None,
    customer_count: Annotated[int | None, typer.Option(help="How many customers you serve.")] = None,
    references: Annotated[str | None, typer.Option(help="Reference customers you may name.")] = None,
    json_: JsonOption = False,
) -> None:
    """Set parts of your profile ("" clears one).

    Example: salescoach profile set --name "Kim Minsu" --company "Hanbit Bank" --title "Relationship manager"
    """
    from salescoach.render.customers import render_profile
    from salescoach.render.output import Output
    from salescoach.usecases import profile

    found = profile.update(
        current_app(ctx),
        name=name,
        company=company,
        title=title,
        years=years,
        credentials=credentials,
        customer_count=customer_count,
        references=references,
    )
    Output(json_).result(found, render_profile(found))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="profile")
