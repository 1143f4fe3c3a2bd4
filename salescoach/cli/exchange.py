"""`salescoach import` and `salescoach export`: bring a book in from spreadsheets and phones, and take it out."""

from pathlib import Path
from typing import Annotated

import typer

from salescoach.cli.context import clean_errors, current_app
from salescoach.cli.options import JsonOption
from salescoach.i18n import _


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("export")(export)


@clean_errors
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A CSV, vCard (.vcf) or salescoach JSON file.")],
    format_: Annotated[str | None, typer.Option("--format", help="csv, vcf or json (default: by extension).")] = None,
    map_: Annotated[list[str] | None, typer.Option("--map", help="COLUMN=field, e.g. 'Mobile=phone' (repeat).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would happen; change nothing.")] = False,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Import the good rows; write bad ones aside.")] = False,
    json_: JsonOption = False,
) -> None:
    """Import customers; duplicates (same phone, email, or name and company) are merged, never doubled.

    Example: salescoach import customers.csv --map "Mobile=phone" --dry-run
    """
    from salescoach.render.output import Output
    from salescoach.render.progress import progress
    from salescoach.usecases.import_book import bad_line, import_file

    app = current_app(ctx)
    with progress(_("Importing"), quiet=json_) as advance:
        report = import_file(app, path, format_, map_ or [], dry_run, skip_bad, advance)

    def render(console) -> None:
        verb = _("Would add") if report.dry_run else _("Added")
        console.print(
            _("{verb} {added}, merged {merged} into existing customers, skipped {skipped}, {bad} bad row(s).").format(
                verb=verb, added=report.added, merged=report.merged, skipped=report.skipped, bad=len(report.bad)
            ),
            markup=False,
        )
        for problem in report.bad:
            console.print("  " + bad_line(problem), markup=False)
        if report.rejects:
            console.print(_("Bad rows written to {path}").format(path=report.rejects), markup=False)

    Output(json_).result(report, render)


@clean_errors
def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", help="json (everything), csv (customers) or vcf (contacts).")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write to this file (owner-only) instead of stdout.")
    ] = None,
) -> None:
    """Export the whole book: JSON re-imports into an empty store exactly.

    Example: salescoach export --format json --out book.json
    """
    import sys

    from salescoach.files import write_private
    from salescoach.usecases.exchange import export as export_book

    text = export_book(current_app(ctx), format_)
    if out is None:
        sys.stdout.write(text)
        return
    write_private(out, text)
