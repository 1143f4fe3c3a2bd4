"""`salescoach demo`: fill the data location with a synthetic book to try every command on."""

from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption
from salescoach.i18n import _


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


@clean_errors
def demo(
    ctx: typer.Context,
    customers: Annotated[int, typer.Option("--customers", "-n", help="How many customers.")] = 200,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same book.")] = 1,
    lang: Annotated[str | None, typer.Option("--lang", help="Names and notes in en or ko.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Add to a store that already holds customers.")] = False,
    json_: JsonOption = False,
) -> None:
    """Create a realistic demo book (deterministic for a seed), then try any command on it.

    Example: SALESCOACH_HOME=/tmp/demo salescoach demo --customers 1000 && SALESCOACH_HOME=/tmp/demo salescoach followup
    """
    from salescoach.render.output import Output
    from salescoach.render.progress import progress
    from salescoach.usecases.demo import build

    app = current_app(ctx)
    language = lang or app.language
    if language not in ("en", "ko"):
        from salescoach.errors import InvalidInput

        raise InvalidInput(_("--lang: {language!r} is not en or ko").format(language=language))
    with progress(_("Writing the demo book"), total=customers, quiet=json_) as advance:
        result = build(app, customers, seed, language, force, advance)
    Output(json_).result(
        result,
        lambda console: console.print(
            _(
                "Demo book: {customers} customers, {visits} contacts, {promises} promises, {followups} follow-ups,"
                " {purchases} purchases, {notes} notes, {dates} important dates."
            ).format(**result._asdict()),
            markup=False,
        ),
    )
