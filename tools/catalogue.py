"""Refresh the interface message catalogues: extract ``_()`` strings, merge them into each .po, compile .mo.

Usage (with the test extras installed): python tools/catalogue.py
It collects the ``_("...")`` strings of the code and the help texts of every command and option.
Untranslated strings are listed; translate them in salescoach/locale/<lang>/LC_MESSAGES/salescoach.po and run
again. tests/i18n checks that nothing is left untranslated and that the .mo matches the .po.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1] / "salescoach"
LOCALE = ROOT / "locale"


def command_help() -> list[str]:
    """The help texts of every command and option, which ``salescoach --help`` translates at run time."""
    import typer.main

    from salescoach.cli import app, help_texts

    return help_texts(typer.main.get_command(app))


def main() -> None:
    template = Catalog(project="salescoach")
    for _, _, message, _, _ in extract_from_dir(ROOT, keywords={"_": None}):
        if message:
            template.add(message)
    for message in command_help():
        template.add(message)
    with (LOCALE / "salescoach.pot").open("wb") as out:
        write_po(out, template, sort_output=True, omit_header=True, width=120)
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/salescoach.po")):
        with po_path.open("rb") as source:
            catalogue = read_po(source)
        catalogue.update(template, no_fuzzy_matching=True)
        with po_path.open("wb") as out:
            write_po(out, catalogue, sort_output=True, ignore_obsolete=True, width=120)
        with po_path.with_suffix(".mo").open("wb") as out:
            write_mo(out, catalogue)
        missing = [message.id for message in catalogue if message.id and not message.string]
        print(f"{po_path.parent.parent.name}: {len(missing)} untranslated", *missing, sep="\n  ")


if __name__ == "__main__":
    main()
