"""`salescoach team ...`: the team's book on PostgreSQL, set up by its administrator, and the manager's report."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption, YesOption, day_option

app = typer.Typer(
    help="Set up a team's book on PostgreSQL, add and move its reps, and report on the team.", no_args_is_help=True
)
reps = typer.Typer(help="The team's reps and who manages them (the administrator's commands).", no_args_is_help=True)
app.add_typer(reps, name="rep")

RepName = Annotated[str, typer.Argument(help="The rep's login name: lowercase letters, digits and _.")]


@app.command("init")
@clean_errors
def init_team(ctx: typer.Context) -> None:
    """Create the team's schema, or upgrade it, and renew its grants and policies (safe to run again).

    Run it as the administrator: the login role that owns the database and may create roles.

    Example: SALESCOACH_DATABASE_URL=postgresql://admin@db.example.com/team salescoach team init
    """
    from salescoach.render.output import Output
    from salescoach.render.team import setup_message
    from salescoach.usecases import team

    Output().status(setup_message(team.init(current_app(ctx))))


@reps.command("add")
@clean_errors
def add_rep(
    ctx: typer.Context,
    name: RepName,
    manager: Annotated[str | None, typer.Option(help="Who manages the rep (made a member if new).")] = None,
) -> None:
    """Add a rep to the team (their login role too, if new) and print how they connect.

    Example: salescoach team rep add alice --manager boss
    """
    from salescoach.render.page import show
    from salescoach.render.team import enrolled_page
    from salescoach.usecases import team

    show(enrolled_page(team.add_rep(current_app(ctx), name, manager)))


@reps.command("list")
@clean_errors
def list_reps(ctx: typer.Context, json_: JsonOption = False) -> None:
    """List the team's members: who manages them, since when, and how many customers they have.

    Example: salescoach team rep list --json
    """
    from salescoach.render.output import Output
    from salescoach.render.team import members_page
    from salescoach.usecases import team

    found = team.members(current_app(ctx))
    Output(json_).page(found, lambda: members_page(found))


@reps.command("move")
@clean_errors
def move_rep(
    ctx: typer.Context,
    name: RepName,
    manager: Annotated[str | None, typer.Option(help="The rep's new manager.")] = None,
    no_manager: Annotated[bool, typer.Option("--no-manager", help="The rep has no manager from now on.")] = False,
) -> None:
    """Give a rep another manager, or none.

    Example: salescoach team rep move alice --manager carol
    """
    from salescoach.errors import InvalidInput
    from salescoach.i18n import _
    from salescoach.render.output import Output
    from salescoach.render.team import moved_message
    from salescoach.usecases import team

    if (manager is None) == (not no_manager):
        raise InvalidInput(_("give either --manager NAME or --no-manager"))
    team.move_rep(current_app(ctx), name, manager)
    Output().status(moved_message(name, manager))


@reps.command("remove")
@clean_errors
def remove_rep(
    ctx: typer.Context,
    name: RepName,
    to: Annotated[str | None, typer.Option("--to", help="The member who takes over the rep's book.")] = None,
    yes: YesOption = False,
) -> None:
    """Take a rep out of the team. Their book stays in the database under their name (only the administrator sees
    it; `team rep add NAME` gives it back), or becomes another member's with --to.

    Example: salescoach team rep remove alice --to bob --yes
    """
    from salescoach.render.output import Output
    from salescoach.render.team import removal_question, removed_message
    from salescoach.usecases import team

    def confirm(customers: int) -> bool:
        return yes or typer.confirm(removal_question(name, customers, to))

    removed = team.remove_rep(current_app(ctx), name, to, confirm)
    Output().status(removed_message(removed))


@app.command("report")
@clean_errors
def report(
    ctx: typer.Context,
    from_: Annotated[str | None, typer.Option("--from", help="Start day (default: a year before --to).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="End day (default: today).")] = None,
    json_: JsonOption = False,
) -> None:
    """Report on the reps you manage (the administrator: every rep): their books, follow-ups and promises on
    time, customers at risk, contacts and visit scores, and the team's totals.

    Example: salescoach team report --from 2026-10-01 --json
    """
    from salescoach.render.output import Output
    from salescoach.render.team import report_page
    from salescoach.usecases import team

    current = current_app(ctx)
    found = team.report(current, day_option(current, from_, "--from"), day_option(current, to, "--to"))
    Output(json_).page(found, lambda: report_page(found))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="team")
